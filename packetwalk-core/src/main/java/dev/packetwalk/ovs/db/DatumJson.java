package dev.packetwalk.ovs.db;

import java.util.Map;

/** A datum in OVSDB's JSON notation (RFC 7047): a lone atom, ["set",[...]] or ["map",[[k,v],...]]. */
final class DatumJson {
    private DatumJson() {
    }

    /** {@code type} null means the {@code _uuid} column (a single UUID). */
    static String format(Datum d, ColumnType type) {
        StringBuilder sb = new StringBuilder();
        if (type != null && type.isMap()) {
            sb.append("[\"map\",[");
            boolean first = true;
            for (Map.Entry<Object, Object> e : d.<Object, Object>asMap().entrySet()) {
                sb.append(first ? "" : ",").append('[').append(atom(e.getKey())).append(',')
                        .append(atom(e.getValue())).append(']');
                first = false;
            }
            return sb.append("]]").toString();
        }
        if (d.size() == 1) {
            return atom(d.first());
        }
        sb.append("[\"set\",[");
        boolean first = true;
        for (Object a : d.keys()) {
            sb.append(first ? "" : ",").append(atom(a));
            first = false;
        }
        return sb.append("]]").toString();
    }

    static String atom(Object a) {
        if (a instanceof String s) {
            return string(s);
        }
        if (a instanceof Uuid u) {
            return "[\"uuid\",\"" + u + "\"]";
        }
        if (a instanceof Double d) {
            return AtomText.formatBare(d);
        }
        return String.valueOf(a);
    }

    /** A JSON string with OVS's escapes (json.c json_serialize_string). */
    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
