package dev.packetwalk.host.command.text;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sort key ({@code -k START[,END][OPTS]} or the whole line) and how it compares:
 * numerically ({@code n}), case-folded ({@code f}), leading blanks skipped ({@code b}),
 * reversed ({@code r}). Without {@code -t}, a field is a run of non-blanks with the blanks
 * before it, as in GNU sort.
 */
record SortKey(int startField, int endField, boolean numeric, boolean fold, boolean blanks, boolean reverse) {
    private static final Pattern SPEC =
            Pattern.compile("(\\d+)(?:\\.\\d+)?([bfnr]*)(?:,(\\d+)(?:\\.\\d+)?([bfnr]*))?");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    static SortKey wholeLine(String globalOptions) {
        return new SortKey(1, 0, globalOptions.contains("n"), globalOptions.contains("f"),
                globalOptions.contains("b"), false);
    }

    /** Parses a {@code -k} argument; {@code globalOptions} apply when the key has none. */
    static SortKey parse(String spec, String globalOptions) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            throw new IllegalArgumentException("invalid number at field start: invalid count at start of "
                    + CoreutilsErrors.quote(spec));
        }
        String own = (m.group(2) == null ? "" : m.group(2)) + (m.group(4) == null ? "" : m.group(4));
        String opts = own.isEmpty() ? globalOptions : own;
        int end = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new SortKey(Integer.parseInt(m.group(1)), end, opts.contains("n"), opts.contains("f"),
                opts.contains("b"), !own.isEmpty() && own.contains("r"));
    }

    Comparator<String> comparator(Character separator) {
        Comparator<String> c = Comparator.comparing(line -> extract(line, separator),
                numeric ? Comparator.comparingDouble(SortKey::number) : text());
        return reverse ? c.reversed() : c;
    }

    private Comparator<String> text() {
        return fold ? String::compareToIgnoreCase : Comparator.naturalOrder();
    }

    String extract(String line, Character separator) {
        int start = fieldStart(line, startField, separator);
        int end = endField == 0 ? line.length() : fieldEnd(line, endField, separator);
        String key = start >= end ? "" : line.substring(start, end);
        return blanks || numeric ? key.stripLeading() : key;
    }

    private static int fieldStart(String line, int field, Character separator) {
        int at = 0;
        for (int f = 1; f < field; f++) {
            at = endOfFieldFrom(line, at, separator);
            if (at >= line.length()) {
                return line.length();
            }
            if (separator != null) {
                at++;
            }
        }
        return at;
    }

    private static int fieldEnd(String line, int field, Character separator) {
        int start = fieldStart(line, field, separator);
        return endOfFieldFrom(line, start, separator);
    }

    private static int endOfFieldFrom(String line, int from, Character separator) {
        int i = from;
        if (separator != null) {
            int next = line.indexOf(separator, i);
            return next < 0 ? line.length() : next;
        }
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        while (i < line.length() && !isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The leading number of a key, as sort -n reads it; 0 when there is none. */
    static double number(String key) {
        Matcher m = NUMBER.matcher(key);
        return m.lookingAt() ? Double.parseDouble(m.group()) : 0;
    }
}
