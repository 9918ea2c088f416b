package dev.packetwalk.ovs.db;

import java.util.List;
import java.util.Map;

/** One {@code find} condition: {@code COLUMN[:KEY] OP VALUE} with ovs-vsctl's operators. */
record Condition(TableEditor.ColumnRef column, String op, String value) {
    private static final List<String> OPS = List.of("{!=}", "{<=}", "{>=}", "{=}", "{<}", "{>}",
            "!=", "<=", ">=", "=", "<", ">");

    static Condition parse(TableEditor editor, TableSchema table, String text) {
        int at = -1;
        String op = null;
        for (int i = 0; i < text.length() && op == null; i++) {
            for (String o : OPS) {
                if (text.startsWith(o, i)) {
                    at = i;
                    op = o;
                    break;
                }
            }
        }
        if (op == null) {
            throw new OvsDbException(text + ": missing operator");
        }
        TableEditor.ColumnRef ref = editor.column(table, text.substring(0, at), "find");
        return new Condition(ref, op, text.substring(at + op.length()));
    }

    boolean test(Row row, Map<String, Uuid> symbols) {
        ColumnType type = column.type();
        Datum have = row.get(column.column());
        Datum want;
        if (column.keyText() != null) {
            Object key = type.key().parse(column.keyText(), symbols);
            have = have.contains(key) ? Datum.of(have.get(key)) : Datum.empty(false);
            want = DatumText.parse(new ColumnType(type.value(), null, 0, Integer.MAX_VALUE), value, symbols);
        } else {
            want = DatumText.parse(new ColumnType(type.key(), type.value(), 0, Integer.MAX_VALUE), value, symbols);
        }
        return switch (op) {
            case "=", "{=}" -> have.equals(want);
            case "!=", "{!=}" -> !have.equals(want);
            case "{>=}" -> contains(have, want);
            case "{>}" -> contains(have, want) && have.size() > want.size();
            case "{<=}" -> contains(want, have);
            case "{<}" -> contains(want, have) && want.size() > have.size();
            default -> compare(have, want, op);
        };
    }

    private static boolean contains(Datum big, Datum small) {
        for (Object k : small.keys()) {
            if (!big.contains(k) || (big.isMap() && !big.get(k).equals(small.get(k)))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean compare(Datum have, Datum want, String op) {
        if (have.size() != 1 || want.size() != 1) {
            return false;
        }
        int c = ((Comparable) have.first()).compareTo(want.first());
        return switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
        };
    }
}
