package dev.packetwalk.host.command.shell;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * The first line of procps-ng 4.0 {@code watch}: {@code Every 0.5s: CMD} on the left,
 * {@code HOST: DATE} (ctime format) on the right, the command cut with {@code "... "} when
 * the line is too narrow.
 */
record WatchHeader(double interval, String command, String hostname, ZonedDateTime time) {
    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    String render(int width) {
        // printf("%.1f") rounds the exact binary value half-even
        String left = "Every " + new BigDecimal(interval).setScale(1, RoundingMode.HALF_EVEN) + "s: ";
        String right = hostname + ": " + CTIME.format(time);
        int hlen = left.length();
        int rhlen = right.length() + 1; // watch counts ctime's newline
        if (width < rhlen) {
            return "";
        }
        char[] line = new char[width];
        Arrays.fill(line, ' ');
        if (rhlen + hlen + 1 <= width) {
            put(line, 0, left);
            if (rhlen + hlen + 2 <= width) {
                if (width < rhlen + hlen + 4) {
                    put(line, width - rhlen - 4, "... ");
                } else if (width < rhlen + hlen + command.length()) {
                    put(line, hlen, command.substring(0, width - rhlen - hlen - 4));
                    put(line, width - rhlen - 4, "... ");
                } else {
                    put(line, hlen, command);
                }
            }
        }
        put(line, width - rhlen + 1, right);
        return new String(line);
    }

    private static void put(char[] line, int at, String text) {
        text.getChars(0, Math.min(text.length(), line.length - at), line, at);
    }
}
