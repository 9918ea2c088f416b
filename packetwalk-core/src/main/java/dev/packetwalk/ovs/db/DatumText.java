package dev.packetwalk.ovs.db;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a column value as ovs-vsctl does on its command line: {@code 1}, {@code 1,2},
 * {@code [1, 2]}, {@code a=b,c=d}, {@code {a=b}}, with double-quoted strings allowed.
 */
public final class DatumText {
    private static final String DELIMITERS = ":=, []{}!<>";

    private final String text;
    private int pos;

    private DatumText(String text) {
        this.text = text;
    }

    public static Datum parse(ColumnType type, String text, Map<String, Uuid> symbols) {
        return new DatumText(text).datum(type, symbols);
    }

    /** Reads one atom of {@code base} spanning the whole of {@code text}. */
    public static Object parseAtom(BaseType base, String text, Map<String, Uuid> symbols) {
        return base.parse(text, symbols);
    }

    private Datum datum(ColumnType type, Map<String, Uuid> symbols) {
        skipSpace();
        char open = type.isMap() ? '{' : '[';
        char close = type.isMap() ? '}' : ']';
        boolean bracketed = pos < text.length() && text.charAt(pos) == open;
        if (bracketed) {
            pos++;
        }
        TreeMap<Object, Object> elements = new TreeMap<>();
        skipSpace();
        while (pos < text.length() && !(bracketed && text.charAt(pos) == close)) {
            if (!elements.isEmpty()) {
                if (text.charAt(pos) != ',') {
                    throw syntax();
                }
                pos++;
                skipSpace();
            }
            Object key = type.key().parse(token(), symbols);
            Object value = Boolean.TRUE;
            if (type.isMap()) {
                skipSpace();
                if (pos >= text.length() || text.charAt(pos) != '=') {
                    throw new OvsDbException(text + ": syntax error at end of input expecting \"=\"");
                }
                pos++;
                skipSpace();
                value = type.value().parse(token(), symbols);
            }
            if (elements.containsKey(key)) {
                throw new OvsDbException("ovsdb error: map contains duplicate key");
            }
            elements.put(key, value);
            skipSpace();
        }
        if (bracketed) {
            if (pos >= text.length()) {
                throw new OvsDbException(text + ": syntax error at end of input expecting \""
                        + close + "\"");
            }
            pos++;
            skipSpace();
        }
        if (pos < text.length()) {
            throw new OvsDbException(text + ": trailing garbage after value");
        }
        if (elements.size() < type.min() || elements.size() > type.max()) {
            throw new OvsDbException("\"" + text + "\": " + (elements.size() < type.min()
                    ? "at least " + type.min() + " elements required"
                    : "at most " + type.max() + " elements allowed"));
        }
        Datum d = type.isMap() ? Datum.ofMap(elements) : Datum.ofSet(elements.keySet());
        return d;
    }

    private String token() {
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '"') {
            pos++;
            while (pos < text.length() && text.charAt(pos) != '"') {
                pos += text.charAt(pos) == '\\' ? 2 : 1;
            }
            if (pos >= text.length()) {
                throw new OvsDbException(text.substring(start) + ": missing quote at end of quoted string");
            }
            pos++;
            return text.substring(start, pos);
        }
        while (pos < text.length() && DELIMITERS.indexOf(text.charAt(pos)) < 0
                && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw syntax();
        }
        return text.substring(start, pos);
    }

    private OvsDbException syntax() {
        return pos >= text.length()
                ? new OvsDbException(text + ": syntax error at end of input")
                : new OvsDbException(text + ": syntax error at \"" + text.charAt(pos) + "\"");
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
