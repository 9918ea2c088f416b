package dev.packetwalk.host.command.text;

/**
 * The line count of {@code head} and {@code tail}: {@code -n N}, {@code -N}, {@code -n -N}
 * (head: all but the last N) and {@code -n +N} (tail: from line N).
 */
record LineCount(long count, boolean fromStart, boolean allBut) {
    static LineCount parse(String text) {
        String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        if (!digits.matches("\\d+")) {
            throw new IllegalArgumentException("invalid number of lines: " + CoreutilsErrors.quote(text));
        }
        long n = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
        return new LineCount(n, text.startsWith("+"), text.startsWith("-"));
    }

    /** The offset just after the {@code n}th newline of {@code text} (or its length). */
    static int afterLine(String text, long n) {
        int at = 0;
        for (long i = 0; i < n; i++) {
            int eol = text.indexOf('\n', at);
            if (eol < 0) {
                return text.length();
            }
            at = eol + 1;
        }
        return at;
    }

    /** How many lines {@code text} has, counting a last line without a newline. */
    static long lines(String text) {
        long n = text.chars().filter(c -> c == '\n').count();
        return text.isEmpty() || text.endsWith("\n") ? n : n + 1;
    }
}
