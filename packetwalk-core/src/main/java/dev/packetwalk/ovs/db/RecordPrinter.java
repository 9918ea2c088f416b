package dev.packetwalk.ovs.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The record format of {@code ovs-vsctl list} and {@code find}: one "column : value" line each. */
public final class RecordPrinter {
    private final List<String> columns;
    private final boolean bare;

    /** {@code columns} null means {@code _uuid} and then every column, sorted. */
    public RecordPrinter(List<String> columns, boolean bare) {
        this.columns = columns;
        this.bare = bare;
    }

    public String print(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            if (sb.length() > 0 || (bare && r != rows.get(0))) {
                sb.append('\n');
            }
            for (String c : columnsOf(r)) {
                Datum d = r.get(c);
                String text;
                if (bare) {
                    text = d.formatBare();
                } else {
                    text = c.equals("_uuid") ? r.uuid().toString() : d.format(r.table().column(c));
                    sb.append(String.format(Locale.ROOT, "%-20s: ", c));
                }
                sb.append(text).append('\n');
            }
        }
        return sb.toString();
    }

    private List<String> columnsOf(Row r) {
        if (columns != null) {
            return columns;
        }
        List<String> all = new ArrayList<>();
        all.add("_uuid");
        all.addAll(r.table().columns().keySet());
        return all;
    }
}
