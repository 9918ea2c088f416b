package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The table every OpenStack client prints, as prettytable 0.7.2 draws it: {@code +---+}
 * borders, one space of padding, each cell justified in its column, multi-line cells, cells
 * wider than their column's maximum width wrapped by {@link TextWrap}. An immutable value:
 * the {@code with...} methods return changed copies.
 *
 * @param fields     the column names (the header)
 * @param rows       the cells, already text
 * @param rightAlign the columns aligned right (cliff's numeric columns); all others left
 * @param maxWidths  the columns' maximum widths (cliff's fitting to the terminal)
 * @param printEmpty whether an empty table prints its header (novaclient) or nothing (cliff)
 * @param python     the interpreter whose textwrap wraps the cells
 */
record PrettyTable(List<String> fields, List<List<String>> rows, List<Boolean> rightAlign,
        Map<String, Integer> maxWidths, boolean printEmpty, Python python) {
    PrettyTable {
        fields = List.copyOf(fields);
        rows = rows.stream().map(List::copyOf).toList();
        rightAlign = List.copyOf(rightAlign);
        maxWidths = Map.copyOf(maxWidths);
        for (List<String> row : rows) {
            if (row.size() != fields.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells for " + fields.size() + " columns");
            }
        }
    }

    /** A left-aligned table with no width limits, wrapped as Python 2 wraps. */
    static PrettyTable of(List<String> fields, List<List<String>> rows, boolean printEmpty) {
        Boolean[] left = new Boolean[fields.size()];
        Arrays.fill(left, Boolean.FALSE);
        return new PrettyTable(fields, rows, Arrays.asList(left), Map.of(), printEmpty, Python.PY2);
    }

    PrettyTable withPython(Python newPython) {
        return new PrettyTable(fields, rows, rightAlign, maxWidths, printEmpty, newPython);
    }

    PrettyTable withRightAlign(List<Boolean> newRightAlign) {
        return new PrettyTable(fields, rows, newRightAlign, maxWidths, printEmpty, python);
    }

    PrettyTable withMaxWidths(Map<String, Integer> newMaxWidths) {
        return new PrettyTable(fields, rows, rightAlign, newMaxWidths, printEmpty, python);
    }

    /**
     * The rows ordered by one column, as {@code get_string(sortby=...)} orders them: by that
     * cell, then by the whole row.
     */
    PrettyTable sortedBy(String field) {
        int key = fields.indexOf(field);
        Comparator<List<String>> byRow = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Comparator<List<String>> order = Comparator.<List<String>, String>comparing(r -> r.get(key)).thenComparing(byRow);
        return new PrettyTable(fields, rows.stream().sorted(order).toList(), rightAlign, maxWidths, printEmpty, python);
    }

    /** {@code get_string()}: the lines joined by newlines, no final newline; "" for an empty table that prints nothing. */
    String render() {
        if (rows.isEmpty() && !printEmpty) {
            return "";
        }
        int[] widths = widths();
        String rule = rule(widths);
        List<String> lines = new ArrayList<>();
        lines.add(rule);
        lines.add(line(fields, widths));
        lines.add(rule);
        for (List<String> row : rows) {
            lines.add(renderRow(row, widths));
        }
        lines.add(rule);
        return String.join("\n", lines);
    }

    /** Each column's width: its header's, or its widest cell's line, capped at the column's maximum. */
    int[] widths() {
        int[] widths = new int[fields.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = fields.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                int size = blockWidth(row.get(i));
                Integer max = maxWidths.get(fields.get(i));
                widths[i] = Math.max(widths[i], max == null ? size : Math.min(size, max));
            }
        }
        return widths;
    }

    private String renderRow(List<String> row, int[] widths) {
        List<List<String>> cells = new ArrayList<>();
        int height = 0;
        for (int i = 0; i < widths.length; i++) {
            List<String> lines = new ArrayList<>();
            for (String line : row.get(i).split("\n", -1)) {
                String filled = line.length() > widths[i] ? TextWrap.fill(line, widths[i], python) : line;
                lines.addAll(Arrays.asList(filled.split("\n", -1)));
            }
            cells.add(lines);
            height = Math.max(height, lines.size());
        }
        List<String> out = new ArrayList<>();
        for (int y = 0; y < height; y++) {
            List<String> texts = new ArrayList<>();
            for (List<String> cell : cells) {
                texts.add(y < cell.size() ? cell.get(y) : "");
            }
            out.add(line(texts, widths));
        }
        return String.join("\n", out);
    }

    private String line(List<String> texts, int[] widths) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String text = texts.get(i);
            String pad = " ".repeat(Math.max(0, widths[i] - text.length()));
            sb.append(' ').append(rightAlign.get(i) ? pad + text : text + pad).append(" |");
        }
        return sb.toString();
    }

    private static String rule(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    private static int blockWidth(String cell) {
        int max = 0;
        for (String line : cell.split("\n", -1)) {
            max = Math.max(max, line.length());
        }
        return max;
    }
}
