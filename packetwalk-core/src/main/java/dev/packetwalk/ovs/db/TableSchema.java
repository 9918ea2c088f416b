package dev.packetwalk.ovs.db;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/** One table of the schema: its columns (sorted by name), whether it is a root table, its index. */
public record TableSchema(String name, boolean root, String index, SortedMap<String, ColumnType> columns) {
    public TableSchema {
        columns = Collections.unmodifiableSortedMap(columns);
    }

    /**
     * The column a user means by {@code text}: exact match, ignoring case and treating '-' and
     * '_' alike (ovs-vsctl accepts {@code external-ids}); null when none matches.
     */
    public String resolveColumn(String text) {
        String want = text.replace('-', '_').toLowerCase(Locale.ROOT);
        if (want.equals("_uuid")) {
            return "_uuid";
        }
        for (Map.Entry<String, ColumnType> e : columns.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(want)) {
                return e.getKey();
            }
        }
        return null;
    }

    public ColumnType column(String column) {
        ColumnType t = columns.get(column);
        if (t == null) {
            throw new IllegalArgumentException("no column " + column + " in " + name);
        }
        return t;
    }
}
