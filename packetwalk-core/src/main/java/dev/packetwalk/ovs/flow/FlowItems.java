package dev.packetwalk.ovs.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * OVS's {@code ofputil_parse_key_value}: splits {@code key=value}, {@code key:value} and
 * {@code key(value)} items separated by commas or blanks, keeping parenthesised values whole.
 */
public final class FlowItems {
    public static final int DEFAULT_PRIORITY = 32768;
    private static final String DELIMS = ", \t\r\n";

    private FlowItems() {
    }

    /** Items as {key, value (null when absent), separator ("=", ":", "(" or null)}. */
    public static List<String[]> split(String text) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && DELIMS.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            int k = i;
            while (k < n && ":=(, \t\r\n".indexOf(text.charAt(k)) < 0) {
                k++;
            }
            String key = text.substring(i, k);
            if (k >= n || DELIMS.indexOf(text.charAt(k)) >= 0) {
                out.add(new String[] {key, null, null});
                i = k;
                continue;
            }
            char sep = text.charAt(k);
            int v = k + 1;
            int e;
            if (sep == '(') {
                e = closing(text, k);
                out.add(new String[] {key, text.substring(v, Math.max(v, e)), "("});
                i = Math.min(n, e + 1);
            } else {
                e = valueEnd(text, v);
                out.add(new String[] {key, text.substring(v, e), String.valueOf(sep)});
                i = e;
            }
        }
    }

    /** Index of the parenthesis closing the one at {@code open} (or the text length). */
    static int closing(String text, int open) {
        int depth = 0;
        for (int j = open; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j;
            }
        }
        return text.length();
    }

    private static int valueEnd(String text, int from) {
        int depth = 0;
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth <= 0 && DELIMS.indexOf(c) >= 0) {
                return j;
            }
        }
        return text.length();
    }

    /** Port names print bare when they look like identifiers, else in double quotes. */
    public static String quoteName(String name) {
        boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0));
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_';
        }
        return plain ? name : "\"" + name + "\"";
    }
}
