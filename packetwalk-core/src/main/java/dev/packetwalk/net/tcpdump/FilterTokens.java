package dev.packetwalk.net.tcpdump;

import java.util.ArrayList;
import java.util.List;

/** Splits a tcpdump filter expression into words and operators ({@code &&}, {@code ||}, {@code !} become and/or/not). */
final class FilterTokens {
    private FilterTokens() {
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                out.add(text.substring(start, i));
            } else {
                String two = i + 1 < n ? text.substring(i, i + 2) : "";
                switch (two) {
                    case "&&" -> out.add("and");
                    case "||" -> out.add("or");
                    case "!=", "==", "<=", ">=" -> out.add(two);
                    default -> two = "";
                }
                if (!two.isEmpty()) {
                    i += 2;
                    continue;
                }
                if ("()[]=<>&".indexOf(c) >= 0) {
                    out.add(String.valueOf(c));
                } else if (c == '!') {
                    out.add("not");
                } else {
                    throw FilterSyntaxException.syntax();
                }
                i++;
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '/' || c == '-' || c == '_';
    }
}
