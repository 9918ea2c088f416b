package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the clients' Python prints a value they got from the API, as the interpreter they run on
 * does: {@code str()} (what a table cell or {@code -f value} shows), {@code repr()} and
 * {@code json.dumps()}. Values are Java's images of JSON: String, Integer/Long, Boolean, null,
 * List and Map (kept in the API's key order). Python 2 (the Ocata-era neutron and nova clients)
 * orders dict keys by its hash table, writes {@code u'...'} and separates JSON items with
 * {@code ", "} even when indenting; Python 3 (today's openstack client) keeps insertion order.
 */
enum Python {
    PY2, PY3;

    /** {@code str(value)}, as Python 2's {@code unicode()} or Python 3's {@code str()}. */
    String str(Object value) {
        if (value instanceof String s) {
            return s;
        }
        return repr(value);
    }

    /** {@code repr(value)}. */
    String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof String s) {
            return (this == PY2 ? "u" : "") + quote(s);
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(v -> items.add(repr(v)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> items = new ArrayList<>();
            for (String key : keys(map)) {
                items.add(repr(key) + ": " + repr(map.get(key)));
            }
            return "{" + String.join(", ", items) + "}";
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
    }

    /** {@code json.dumps(value)}: one line, {@code ", "} and {@code ": "} between items. */
    String json(Object value) {
        StringBuilder sb = new StringBuilder();
        writeJson(sb, value, -1, 0);
        return sb.toString();
    }

    /** {@code json.dumps(value, indent=indent)}. */
    String json(Object value, int indent) {
        StringBuilder sb = new StringBuilder();
        writeJson(sb, value, indent, 0);
        return sb.toString();
    }

    /** A dict's keys in the order this Python iterates them. */
    List<String> keys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        map.keySet().forEach(k -> keys.add((String) k));
        return this == PY2 ? Py2Dict.order(keys) : keys;
    }

    private void writeJson(StringBuilder sb, Object value, int indent, int level) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (value instanceof Number n) {
            sb.append(n);
        } else if (value instanceof String s) {
            sb.append(jsonString(s));
        } else if (value instanceof List<?> list) {
            writeContainer(sb, '[', ']', list.size(), indent, level, (i, out) -> writeJson(out, list.get(i), indent, level + 1));
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = keys(map);
            writeContainer(sb, '{', '}', keys.size(), indent, level, (i, out) -> {
                out.append(jsonString(keys.get(i))).append(": ");
                writeJson(out, map.get(keys.get(i)), indent, level + 1);
            });
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
        }
    }

    private interface Item {
        void write(int index, StringBuilder out);
    }

    private void writeContainer(StringBuilder sb, char open, char close, int size, int indent, int level, Item item) {
        if (size == 0) {
            sb.append(open).append(close);
            return;
        }
        String separator = indent < 0 || this == PY2 ? ", " : ",";
        String newline = indent < 0 ? "" : "\n" + " ".repeat(indent * (level + 1));
        sb.append(open);
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : separator).append(newline);
            item.write(i, sb);
        }
        sb.append(indent < 0 ? "" : "\n" + " ".repeat(indent * level)).append(close);
    }

    /** A JSON string with {@code ensure_ascii}: quotes, backslashes, controls and non-ASCII escaped. */
    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Python's string repr quoting: single quotes unless the text has a single quote and no double one. */
    private String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == q || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else if (c > 0x7e && this == PY2) {
                sb.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(q).toString();
    }
}
