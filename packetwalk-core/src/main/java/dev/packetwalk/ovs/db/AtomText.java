package dev.packetwalk.ovs.db;

import java.util.Collection;
import java.util.Locale;

/** How OVSDB atoms are written in ovs-vsctl output, and how quoted strings are read back. */
public final class AtomText {
    private AtomText() {
    }

    /** An atom as ovs-vsctl prints it: strings are quoted unless they look like identifiers. */
    public static String format(Object atom) {
        if (atom instanceof String s) {
            return needsQuotes(s) ? quote(s) : s;
        }
        if (atom instanceof Double d) {
            return formatReal(d);
        }
        return String.valueOf(atom);
    }

    /** An atom in {@code --bare} form: strings never quoted. */
    public static String formatBare(Object atom) {
        return atom instanceof Double d ? formatReal(d) : String.valueOf(atom);
    }

    static String formatSet(Collection<?> atoms) {
        StringBuilder sb = new StringBuilder("[");
        for (Object a : atoms) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(format(a));
        }
        return sb.append(']').toString();
    }

    private static String formatReal(double d) {
        String s = String.format(Locale.ROOT, "%.17g", d);
        return s.contains("e") ? s : s.replaceAll("\\.?0+$", "");
    }

    /** True when OVS quotes {@code s}: empty, not identifier-like, a boolean word or a UUID. */
    public static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        if (!isAsciiAlpha(c) && c != '_') {
            return true;
        }
        for (int i = 1; i < s.length(); i++) {
            c = s.charAt(i);
            if (!isAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.') {
                return true;
            }
        }
        return s.equals("true") || s.equals("false") || Uuid.parseOrNull(s) != null;
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A string in JSON quotes with JSON escapes. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Reads a JSON-quoted string (the whole text); throws when it is malformed. */
    public static String unquote(String text) {
        if (text.length() < 2 || !text.endsWith("\"")) {
            throw new OvsDbException(text + ": missing quote at end of quoted string");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() - 1) {
                char e = text.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
