package dev.packetwalk.linux.route;

/** Parsing of the unsigned numbers iproute2 accepts (decimal, 0x hex, 0 octal). */
public final class Numbers {
    private Numbers() {
    }

    /** Parses an unsigned value not above {@code max}; returns -1 when it is not one. */
    public static int parseUnsigned(String text, long max) {
        long v = parseUnsignedLong(text, max);
        return v < 0 ? -1 : (int) v;
    }

    /** Like strtoul with base 0; returns -1 for anything that is not a number up to max. */
    public static long parseUnsignedLong(String text, long max) {
        if (text.isEmpty()) {
            return -1;
        }
        int radix = 10;
        int start = 0;
        if (text.startsWith("0x") || text.startsWith("0X")) {
            radix = 16;
            start = 2;
        } else if (text.length() > 1 && text.charAt(0) == '0') {
            radix = 8;
            start = 1;
        }
        if (start >= text.length()) {
            return -1;
        }
        long v = 0;
        for (int i = start; i < text.length(); i++) {
            int d = Character.digit(text.charAt(i), radix);
            if (d < 0) {
                return -1;
            }
            v = v * radix + d;
            if (v > max) {
                return -1;
            }
        }
        return v;
    }
}
