package dev.packetwalk.ovs.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ovs-vsctl's database commands on any table (get, set, add, remove, clear, create, destroy,
 * find): record names, {@code COLUMN[:KEY]} references and value parsing, with its messages.
 */
public final class TableEditor {
    private final OvsDb db;
    private final Map<String, Uuid> symbols;

    /** {@code symbols} holds the {@code @name}s of {@code --id=@name create} in this command line. */
    public TableEditor(OvsDb db, Map<String, Uuid> symbols) {
        this.db = db;
        this.symbols = symbols;
    }

    public TableSchema table(String name) {
        return db.schema().resolveTable(name)
                .orElseThrow(() -> new OvsDbException("unknown table \"" + name + "\""));
    }

    /** The record a user names: "." for Open_vSwitch, a name, a target, or a (partial) UUID. */
    public Optional<Row> record(TableSchema table, String id) {
        List<Row> rows = db.rows(table.name());
        if (table.name().equals("Open_vSwitch") && id.equals(".")) {
            return rows.stream().findFirst();
        }
        if (table.name().equals("Controller")) {
            Optional<BridgeRow> b = db.bridge(id);
            if (b.isPresent() && b.get().controllers().size() == 1) {
                return Optional.of(b.get().controllers().get(0));
            }
        } else if (table.index() != null) {
            Optional<Row> r = db.byIndex(table.name(), id);
            if (r.isPresent()) {
                return r;
            }
        }
        Row match = null;
        for (Row r : rows) {
            String u = r.uuid().toString();
            if (u.equals(id) || (id.length() >= 4 && u.startsWith(id))) {
                if (match != null) {
                    return Optional.empty();
                }
                match = r;
            }
        }
        return Optional.ofNullable(match);
    }

    public Row mustRecord(TableSchema table, String id) {
        return record(table, id).orElseThrow(() ->
                new OvsDbException("no row \"" + id + "\" in table " + table.name()));
    }

    /** A parsed {@code COLUMN[:KEY]} reference. */
    public record ColumnRef(String column, ColumnType type, String keyText) {
    }

    /** Splits {@code COLUMN[:KEY][=VALUE]} into the column reference and the value text (or null). */
    public ColumnRef column(TableSchema table, String text, String verb) {
        int end = 0;
        while (end < text.length() && ":=".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String name = text.substring(0, end);
        String col = table.resolveColumn(name);
        if (col == null) {
            throw new OvsDbException(table.name() + " does not contain a column whose name matches \"" + name + "\"");
        }
        ColumnType type = col.equals("_uuid") ? new ColumnType(new BaseType(BaseType.Kind.UUID, List.of(),
                Long.MIN_VALUE, Long.MAX_VALUE, null), null, 1, 1) : table.column(col);
        String key = null;
        if (end < text.length() && text.charAt(end) == ':') {
            int eq = text.indexOf('=', end);
            key = eq < 0 ? text.substring(end + 1) : text.substring(end + 1, eq);
            if (!type.isMap()) {
                throw new OvsDbException("cannot specify key to " + verb + " for non-map column " + col);
            }
        }
        return new ColumnRef(col, type, key);
    }

    private static String valueText(String text) {
        int eq = text.indexOf('=');
        return eq < 0 ? null : text.substring(eq + 1);
    }

    /** get: the column (or map value) as ovs-vsctl prints it; null with if-exists and no such key. */
    public String get(Row row, String text, boolean ifExists) {
        ColumnRef ref = column(row.table(), text, "get");
        Datum d = row.get(ref.column());
        if (ref.keyText() == null) {
            return d.format(ref.type());
        }
        Object key = ref.type().key().parse(ref.keyText(), symbols);
        if (!d.contains(key)) {
            if (ifExists) {
                return "";
            }
            throw new OvsDbException("no key \"" + ref.keyText() + "\" in " + row.table().name() + " record \""
                    + recordName(row) + "\" column " + ref.column());
        }
        return AtomText.format(d.get(key));
    }

    /** set: {@code COLUMN=VALUE} or {@code COLUMN:KEY=VALUE}. */
    public void set(Row row, String text) {
        ColumnRef ref = column(row.table(), text, "set");
        String value = valueText(text);
        if (value == null || value.isEmpty()) {
            throw new OvsDbException(text + ": argument does not end in \"=\" followed by a value.");
        }
        if (ref.column().equals("_uuid")) {
            throw new OvsDbException("cannot modify read-only column _uuid in table " + row.table().name());
        }
        if (ref.keyText() != null) {
            Object key = ref.type().key().parse(ref.keyText(), symbols);
            Object v = ref.type().value().parse(value, symbols);
            Datum d = row.get(ref.column());
            row.set(ref.column(), d.minus(Datum.ofSet(List.of(key))).with(key, v));
            return;
        }
        row.set(ref.column(), DatumText.parse(ref.type(), value, symbols));
    }

    /** add: unions the values into a set or map column. */
    public void add(Row row, String columnText, List<String> values) {
        ColumnRef ref = column(row.table(), columnText, "add");
        ColumnType loose = new ColumnType(ref.type().key(), ref.type().value(), 0, Integer.MAX_VALUE);
        Datum d = row.get(ref.column());
        for (String v : values) {
            d = d.union(DatumText.parse(loose, v, symbols));
        }
        checkSize(row, ref, d);
        row.set(ref.column(), d);
    }

    /** remove: takes values (or, for maps, keys or key=value pairs) out of a column. */
    public void remove(Row row, String columnText, List<String> values) {
        ColumnRef ref = column(row.table(), columnText, "remove");
        ColumnType loose = new ColumnType(ref.type().key(), ref.type().value(), 0, Integer.MAX_VALUE);
        ColumnType keysOnly = new ColumnType(ref.type().key(), null, 0, Integer.MAX_VALUE);
        Datum d = row.get(ref.column());
        for (String v : values) {
            Datum gone;
            try {
                gone = DatumText.parse(loose, v, symbols);
            } catch (OvsDbException e) {
                if (!ref.type().isMap()) {
                    throw e;
                }
                gone = DatumText.parse(keysOnly, v, symbols);
            }
            d = d.minus(gone);
        }
        checkSize(row, ref, d);
        row.set(ref.column(), d);
    }

    private static void checkSize(Row row, ColumnRef ref, Datum d) {
        if (d.size() > ref.type().max()) {
            throw new OvsDbException("\"add\" operation would put " + d.size() + " values in column "
                    + ref.column() + " of table " + row.table().name() + " but the maximum number is "
                    + ref.type().max());
        }
        if (d.size() < ref.type().min()) {
            throw new OvsDbException("\"remove\" operation would put " + d.size() + " values in column "
                    + ref.column() + " of table " + row.table().name() + " but the minimum number is "
                    + ref.type().min());
        }
    }

    /** clear: empties set and map columns. */
    public void clear(Row row, String columnText) {
        ColumnRef ref = column(row.table(), columnText, "clear");
        if (ref.type().min() > 0) {
            throw new OvsDbException("\"clear\" operation cannot be applied to column " + ref.column()
                    + " of table " + row.table().name() + ", which is not allowed to be empty");
        }
        row.set(ref.column(), Datum.empty(ref.type().isMap()));
    }

    /** create: a new row with the given column settings. */
    public Row create(TableSchema table, List<String> settings) {
        Row row = db.insert(table.name());
        for (String s : settings) {
            set(row, s);
        }
        return row;
    }

    /** destroy: removes the row and every reference to it. */
    public void destroy(Row row) {
        for (String t : List.of("Open_vSwitch", "Bridge", "Port", "Interface", "Controller", "Manager")) {
            for (Row r : db.rows(t)) {
                r.table().columns().forEach((c, type) -> {
                    if (row.table().name().equals(type.key().refTable()) && r.get(c).contains(row.uuid())) {
                        r.set(c, r.get(c).minus(Datum.of(row.uuid())));
                    }
                });
            }
        }
        db.delete(row);
    }

    /** find: rows matching every {@code COLUMN[:KEY]OP VALUE} condition. */
    public List<Row> find(TableSchema table, List<String> conditions) {
        List<Row> out = new ArrayList<>();
        for (Row r : db.rows(table.name())) {
            boolean all = true;
            for (String c : conditions) {
                all &= Condition.parse(this, table, c).test(r, symbols);
            }
            if (all) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * wait-until: whether the record exists and meets every condition now. The conditions are
     * checked (and their errors reported) even when the record is missing.
     */
    public boolean holds(TableSchema table, String id, List<String> conditions) {
        List<Condition> parsed = conditions.stream().map(c -> Condition.parse(this, table, c)).toList();
        Optional<Row> row = record(table, id);
        return row.isPresent() && parsed.stream().allMatch(c -> c.test(row.get(), symbols));
    }

    private static String recordName(Row row) {
        String index = row.table().index();
        return index == null ? row.uuid().toString() : row.string(index);
    }
}
