package dev.packetwalk.ovs.db;

import java.util.Locale;
import java.util.SplittableRandom;

/** An OVSDB row UUID (RFC 4122 version 4 form), ordered as OVSDB orders them. */
public record Uuid(long high, long low) implements Comparable<Uuid> {
    /** Parses {@code 8-4-4-4-12} hex; returns null when {@code text} is not a UUID. */
    public static Uuid parseOrNull(String text) {
        if (text.length() != 36) {
            return null;
        }
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0) {
                return null;
            }
            if (digits < 16) {
                hi = (hi << 4) | d;
            } else {
                lo = (lo << 4) | d;
            }
            digits++;
        }
        return new Uuid(hi, lo);
    }

    /** A random version-4 UUID drawn from a seeded generator. */
    public static Uuid random(SplittableRandom random) {
        long hi = (random.nextLong() & ~0xf000L) | 0x4000L;
        long lo = (random.nextLong() & ~(0xc000L << 48)) | (0x8000L << 48);
        return new Uuid(hi, lo);
    }

    @Override
    public int compareTo(Uuid o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    @Override
    public String toString() {
        String h = String.format(Locale.ROOT, "%016x%016x", high, low);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20);
    }
}
