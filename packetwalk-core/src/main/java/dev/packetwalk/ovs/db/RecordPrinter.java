package dev.packetwalk.ovs.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables of {@code ovs-vsctl list} and {@code find} in each {@link TableStyle}. One
 * printer serves one ovs-vsctl invocation: as in lib/table.c, every table after the first is
 * preceded by a blank line (JSON tables excepted).
 */
public final class RecordPrinter {
    private final TableStyle style;
    private boolean firstTable = true;

    public RecordPrinter(TableStyle style) {
        this.style = style;
    }

    /** {@code columns} null means {@code _uuid} and then every column, sorted. */
    public String print(List<Row> rows, TableSchema table, List<String> columns) {
        List<String> cols = columns != null ? columns : allColumns(table);
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<String> line = new ArrayList<>();
            for (String c : cols) {
                line.add(cell(r, c));
            }
            cells.add(line);
        }
        StringBuilder sb = new StringBuilder();
        if (style.layout() != TableStyle.Layout.JSON) {
            if (!firstTable) {
                sb.append('\n');
            }
            firstTable = false;
        }
        switch (style.layout()) {
            case LIST -> list(sb, cols, cells);
            case TABLE -> table(sb, cols, cells);
            case CSV -> csv(sb, cols, cells);
            case JSON -> json(sb, cols, rows);
        }
        return sb.toString();
    }

    private static List<String> allColumns(TableSchema table) {
        List<String> all = new ArrayList<>();
        all.add("_uuid");
        all.addAll(table.columns().keySet());
        return all;
    }

    private String cell(Row r, String column) {
        Datum d = r.get(column);
        ColumnType type = column.equals("_uuid") ? null : r.table().column(column);
        return switch (style.cells()) {
            case STRING -> type == null ? r.uuid().toString() : d.format(type);
            case BARE -> d.formatBare();
            case JSON -> DatumJson.format(d, type);
        };
    }

    private void list(StringBuilder sb, List<String> cols, List<List<String>> cells) {
        for (int y = 0; y < cells.size(); y++) {
            if (y > 0) {
                sb.append('\n');
            }
            for (int x = 0; x < cols.size(); x++) {
                if (style.headings()) {
                    sb.append(String.format(Locale.ROOT, "%-20s: ", cols.get(x)));
                }
                sb.append(cells.get(y).get(x)).append('\n');
            }
        }
    }

    private void table(StringBuilder sb, List<String> cols, List<List<String>> cells) {
        int[] widths = new int[cols.size()];
        for (int x = 0; x < cols.size(); x++) {
            widths[x] = style.headings() ? cols.get(x).length() : 0;
            for (List<String> line : cells) {
                widths[x] = Math.max(widths[x], line.get(x).length());
            }
        }
        if (style.headings()) {
            tableLine(sb, cols, widths);
            tableLine(sb, cols.stream().map(c -> "-".repeat(widths[cols.indexOf(c)])).toList(), widths);
        }
        cells.forEach(line -> tableLine(sb, line, widths));
    }

    private static void tableLine(StringBuilder sb, List<String> texts, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int x = 0; x < texts.size(); x++) {
            if (x > 0) {
                line.append(' ');
            }
            line.append(texts.get(x)).append(" ".repeat(widths[x] - texts.get(x).length()));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    private void csv(StringBuilder sb, List<String> cols, List<List<String>> cells) {
        if (style.headings()) {
            sb.append(String.join(",", cols.stream().map(RecordPrinter::csvCell).toList())).append('\n');
        }
        for (List<String> line : cells) {
            sb.append(String.join(",", line.stream().map(RecordPrinter::csvCell).toList())).append('\n');
        }
    }

    private static String csvCell(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('"') < 0 && text.indexOf(',') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static void json(StringBuilder sb, List<String> cols, List<Row> rows) {
        sb.append("{\"data\":[");
        for (int y = 0; y < rows.size(); y++) {
            sb.append(y > 0 ? "," : "").append('[');
            for (int x = 0; x < cols.size(); x++) {
                String c = cols.get(x);
                Row r = rows.get(y);
                sb.append(x > 0 ? "," : "")
                        .append(DatumJson.format(r.get(c), c.equals("_uuid") ? null : r.table().column(c)));
            }
            sb.append(']');
        }
        sb.append("],\"headings\":[");
        for (int x = 0; x < cols.size(); x++) {
            sb.append(x > 0 ? "," : "").append(DatumJson.string(cols.get(x)));
        }
        sb.append("]}\n");
    }
}
