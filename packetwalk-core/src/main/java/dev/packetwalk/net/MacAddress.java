package dev.packetwalk.net;

import java.util.Locale;

/** A 48-bit Ethernet address held in the low bits of a long. */
public record MacAddress(long bits) {
    public static final MacAddress ZERO = new MacAddress(0);
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);

    public MacAddress {
        if ((bits & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("not a 48-bit MAC: 0x" + Long.toHexString(bits));
        }
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (also with '-' separators); rejects anything else. */
    public static MacAddress parse(String text) {
        long v = parseBits(text);
        if (v < 0) {
            throw new IllegalArgumentException("invalid MAC address \"" + text + "\"");
        }
        return new MacAddress(v);
    }

    /** Returns the 48 bits of {@code text}, or -1 when it is not a MAC address. */
    public static long parseBits(String text) {
        if (text.length() != 17) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < 6; i++) {
            int hi = Character.digit(text.charAt(i * 3), 16);
            int lo = Character.digit(text.charAt(i * 3 + 1), 16);
            if (hi < 0 || lo < 0) {
                return -1;
            }
            if (i < 5) {
                char sep = text.charAt(i * 3 + 2);
                if (sep != ':' && sep != '-') {
                    return -1;
                }
            }
            v = (v << 8) | (hi << 4) | lo;
        }
        return v;
    }

    public static String format(long bits) {
        StringBuilder sb = new StringBuilder(17);
        appendTo(sb, bits);
        return sb.toString();
    }

    public static void appendTo(StringBuilder sb, long bits) {
        for (int i = 5; i >= 0; i--) {
            int b = (int) (bits >>> (i * 8)) & 0xff;
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            if (i > 0) {
                sb.append(':');
            }
        }
    }

    public boolean isMulticast() {
        return (bits & 0x0100_0000_0000L) != 0;
    }

    public boolean isBroadcast() {
        return bits == BROADCAST.bits;
    }

    /** The 12 hex digits without separators, as in OVS datapath ids ({@code 0000aeeed38d0b49}). */
    public String toHexString() {
        return String.format(Locale.ROOT, "%012x", bits);
    }

    @Override
    public String toString() {
        return format(bits);
    }
}
