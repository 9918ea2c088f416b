package dev.packetwalk.ovs.db;

import java.util.HashMap;
import java.util.Map;

/**
 * One row of an OVSDB table: its UUID and the value of every column. Rows are the mutable
 * state of the database; change them only inside {@link OvsDb#transact}.
 */
public final class Row {
    private final TableSchema table;
    private final Uuid uuid;
    private final long serial;
    private Map<String, Datum> values;
    /** The database whose transaction journal records this row's values before its first change. */
    private final OvsDb journal;

    Row(TableSchema table, Uuid uuid, long serial, OvsDb journal) {
        this.table = table;
        this.uuid = uuid;
        this.serial = serial;
        this.journal = journal;
        this.values = new HashMap<>();
        table.columns().forEach((name, type) -> values.put(name, type.defaultDatum()));
    }

    public TableSchema table() {
        return table;
    }

    public Uuid uuid() {
        return uuid;
    }

    /** Creation order within the database: the order Packetwalk prints rows in. */
    public long serial() {
        return serial;
    }

    public Datum get(String column) {
        if (column.equals("_uuid")) {
            return Datum.of(uuid);
        }
        Datum d = values.get(column);
        if (d == null) {
            throw new IllegalArgumentException("no column " + column + " in " + table.name());
        }
        return d;
    }

    public void set(String column, Datum value) {
        table.column(column);
        if (value.equals(values.get(column))) {
            return;
        }
        journal.touch(this);
        values.put(column, value);
    }

    /** The string in a string column, or null when empty. */
    public String string(String column) {
        return (String) get(column).first();
    }

    /** The integer in an integer column, or null when empty. */
    public Long integer(String column) {
        return (Long) get(column).first();
    }

    public boolean bool(String column) {
        return Boolean.TRUE.equals(get(column).first());
    }

    public Map<String, String> map(String column) {
        return get(column).asMap();
    }

    /** The row's values as they are now, read-only and not copied. */
    Map<String, Datum> view() {
        return java.util.Collections.unmodifiableMap(values);
    }

    Map<String, Datum> snapshot() {
        return new HashMap<>(values);
    }

    void restore(Map<String, Datum> saved) {
        values = new HashMap<>(saved);
    }
}
