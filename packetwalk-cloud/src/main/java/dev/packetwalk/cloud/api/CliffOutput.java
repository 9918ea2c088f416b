package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * cliff's output formatters, which the neutron and openstack clients print through: a list
 * (Lister) or one object (ShowOne) as a table, {@code value}, {@code json}, {@code shell} or
 * {@code csv}, restricted to the {@code -c} columns, and fitted to the terminal's width as
 * cliff fits it: when the table is wider, columns wider than an equal share are shrunk to share
 * what the narrower ones leave, never below 8 columns (16 for a ShowOne), and prettytable wraps
 * their cells.
 */
final class CliffOutput {
    private static final String FORMAT = "--format";
    private static final String COLUMN = "--column";
    private static final String MAX_WIDTH = "--max-width";
    private static final String FIT_WIDTH = "--fit-width";
    private static final String NOINDENT = "--noindent";
    private static final String PREFIX = "--prefix";
    private static final String PRINT_EMPTY = "--print-empty";
    private static final List<String> QUOTE_MODES = List.of("all", "minimal", "none", "nonnumeric");

    private final CliffRelease release;
    private final Argparse.Parsed args;
    private final OptionalInt terminal;

    /** The formatters of one run: the parsed options and the terminal width when stdout is one. */
    CliffOutput(CliffRelease release, Argparse.Parsed args, OptionalInt terminal) {
        this.release = release;
        this.args = args;
        this.terminal = terminal;
    }

    /** Adds a Lister's formatter options to its parser, in the order the release's formatters load. */
    static Argparse listOptions(Argparse parser, CliffRelease release) {
        parser.choice(CliffRelease.LIST_FORMATS, "-f", FORMAT).append("COLUMN", "-c", COLUMN);
        if (release.fitsTerminal()) {
            tableOptions(parser, release);
            parser.choice(QUOTE_MODES, "--quote").flag(NOINDENT);
            return parser;
        }
        parser.choice(QUOTE_MODES, "--quote").flag(NOINDENT);
        tableOptions(parser, release);
        return parser.value("SORT_COLUMN", "--sort-column").exclusive("--sort-ascending", "--sort-descending");
    }

    /** Adds a ShowOne's formatter options to its parser, in the order the release's formatters load. */
    static Argparse showOptions(Argparse parser, CliffRelease release) {
        parser.choice(CliffRelease.SHOW_FORMATS, "-f", FORMAT).append("COLUMN", "-c", COLUMN);
        if (release.fitsTerminal()) {
            tableOptions(parser, release);
            return parser.value("PREFIX", PREFIX).flag(NOINDENT);
        }
        parser.flag(NOINDENT).value("PREFIX", PREFIX);
        return tableOptions(parser, release);
    }

    private static Argparse tableOptions(Argparse parser, CliffRelease release) {
        parser.integer("<integer>", MAX_WIDTH);
        if (!release.fitsTerminal()) {
            parser.flag(FIT_WIDTH);
        }
        return parser.flag(PRINT_EMPTY);
    }

    String format() {
        return args.get(FORMAT, "table");
    }

    /** The requested {@code -c} columns (empty: all). */
    List<String> requestedColumns() {
        return args.all(COLUMN);
    }

    /** Prints a list; {@code columns} names the cells of each row; cliff keeps the {@code -c} ones. */
    String list(List<String> columns, List<List<Cell>> rows) throws ClientError {
        return list(columns, rows, false);
    }

    /**
     * Prints a list whose columns the client may have chosen itself from the {@code -c} options
     * ({@code preselected}, as neutronclient does): then cliff only fails when none was found.
     */
    String list(List<String> columns, List<List<Cell>> rows, boolean preselected) throws ClientError {
        List<Integer> keep = preselected ? all(columns, rows) : selected(columns);
        List<String> names = keep.stream().map(columns::get).toList();
        List<List<Cell>> kept = rows.stream().map(r -> keep.stream().map(r::get).toList()).toList();
        Python py = release.python();
        return switch (format()) {
            case "value" -> {
                StringBuilder sb = new StringBuilder();
                for (List<Cell> row : kept) {
                    sb.append(String.join(" ", row.stream().map(c -> py.str(c.value())).toList())).append('\n');
                }
                yield sb.toString();
            }
            case "json" -> json(kept.stream().map(r -> (Object) object(names, r)).toList());
            case "csv" -> csv(names, kept);
            case "yaml" -> Yaml.dump(kept.stream().map(r -> (Object) object(names, r)).toList());
            default -> listTable(names, kept);
        };
    }

    /** Prints one object; {@code names} names its values. */
    String show(List<String> names, List<Cell> values) throws ClientError {
        List<Integer> keep = selected(names);
        List<String> kept = keep.stream().map(names::get).toList();
        List<Cell> cells = keep.stream().map(values::get).toList();
        Python py = release.python();
        return switch (format()) {
            case "value" -> {
                StringBuilder sb = new StringBuilder();
                cells.forEach(c -> sb.append(py.str(c.value())).append('\n'));
                yield sb.toString();
            }
            case "json" -> json(object(kept, cells));
            case "shell" -> shell(kept, cells);
            case "yaml" -> Yaml.dump(object(kept, cells));
            default -> showTable(kept, cells);
        };
    }

    private List<Integer> all(List<String> columns, List<List<Cell>> rows) throws ClientError {
        if (columns.isEmpty() && !rows.isEmpty() && !requestedColumns().isEmpty()) {
            return selected(columns);
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            keep.add(i);
        }
        return keep;
    }

    private List<Integer> selected(List<String> columns) throws ClientError {
        List<String> wanted = requestedColumns();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (wanted.isEmpty() || wanted.contains(columns.get(i))) {
                keep.add(i);
            }
        }
        if (keep.isEmpty() && !wanted.isEmpty()) {
            String message = "No recognized column names in " + release.python().repr(wanted)
                    .replace("u'", "'");
            if (release.namesKnownColumns()) {
                message += ". Recognized columns are " + tuple(columns) + ".";
            }
            throw new ClientError("ValueError", message);
        }
        return keep;
    }

    private String tuple(List<String> columns) {
        String list = release.python().repr(columns);
        return "(" + list.substring(1, list.length() - 1) + (columns.size() == 1 ? "," : "") + ")";
    }

    private static Map<String, Object> object(List<String> names, List<Cell> cells) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), cells.get(i).value());
        }
        return map;
    }

    private String json(Object value) {
        Python py = release.python();
        String text = args.has(NOINDENT) ? py.json(value) : py.json(value, 2);
        return release.newlineAfterJson() ? text + "\n" : text;
    }

    private String shell(List<String> names, List<Cell> cells) {
        StringBuilder sb = new StringBuilder();
        String prefix = args.get(PREFIX, "");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase().replace(' ', '_').replace(':', '_').replace('-', '_');
            String value = release.python().str(cells.get(i).value()).replace("\"", "\\\"");
            sb.append(prefix).append(name).append("=\"").append(value).append("\"\n");
        }
        return sb.toString();
    }

    /** Python's csv writer with QUOTE_NONNUMERIC: text quoted (quotes doubled), numbers bare. */
    private String csv(List<String> names, List<List<Cell>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", names.stream().map(CliffOutput::csvQuoted).toList())).append('\n');
        for (List<Cell> row : rows) {
            List<String> fields = new ArrayList<>();
            for (Cell c : row) {
                Object v = c.value();
                boolean numeric = v instanceof Number || v instanceof Boolean;
                String text = v == null ? "" : release.python().str(v);
                fields.add(numeric ? text : csvQuoted(text));
            }
            sb.append(String.join(",", fields)).append('\n');
        }
        return sb.toString();
    }

    private static String csvQuoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private String listTable(List<String> names, List<List<Cell>> rows) {
        Python py = release.python();
        List<List<String>> text = rows.stream().map(r -> r.stream().map(c -> c.human(py)).toList()).toList();
        List<Boolean> right = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            right.add(!rows.isEmpty() && rows.get(0).get(i).numeric());
        }
        PrettyTable table = PrettyTable.of(names, text, args.has(PRINT_EMPTY)).withRightAlign(right).withPython(py);
        return fit(table, 8).render() + "\n";
    }

    private String showTable(List<String> names, List<Cell> cells) {
        Python py = release.python();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(List.of(names.get(i), cells.get(i).human(py)));
        }
        PrettyTable table = PrettyTable.of(List.of("Field", "Value"), rows, false).withPython(py);
        return fit(table, 16).render() + "\n";
    }

    /** cliff's _assign_max_widths: the table fitted to the terminal (or {@code --max-width}), if it is wider. */
    private PrettyTable fit(PrettyTable table, int minWidth) {
        int maxWidth = Argparse.intValue(args.get(MAX_WIDTH, "0"));
        int termWidth;
        if (maxWidth > 0) {
            termWidth = maxWidth;
        } else if ((release.fitsTerminal() || args.has(FIT_WIDTH)) && terminal.isPresent()) {
            termWidth = terminal.getAsInt();
        } else {
            return table;
        }
        return fitted(table, termWidth, minWidth);
    }

    static PrettyTable fitted(PrettyTable table, int termWidth, int minWidth) {
        int[] widths = table.widths();
        int total = 1;
        for (int w : widths) {
            total += w + 3;
        }
        if (total <= termWidth || table.rows().isEmpty() && !table.printEmpty()) {
            return table;
        }
        int count = widths.length;
        int usable = Math.max(0, termWidth - 1 - 3 * count);
        int optimal = count == 0 ? 0 : Math.max(0, usable / count);
        List<String> shrink = new ArrayList<>();
        int remaining = usable;
        for (int i = 0; i < count; i++) {
            if (widths[i] <= optimal) {
                remaining -= widths[i];
            } else {
                shrink.add(table.fields().get(i));
            }
        }
        if (shrink.isEmpty()) {
            return table;
        }
        int shrinkTo = Math.floorDiv(remaining, shrink.size());
        Map<String, Integer> max = new HashMap<>();
        for (String field : shrink.subList(0, shrink.size() - 1)) {
            max.put(field, Math.max(minWidth, shrinkTo));
            remaining -= shrinkTo;
        }
        max.put(shrink.get(shrink.size() - 1), Math.max(minWidth, remaining));
        return table.withMaxWidths(max);
    }
}
