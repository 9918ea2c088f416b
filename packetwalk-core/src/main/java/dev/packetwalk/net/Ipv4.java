package dev.packetwalk.net;

/** IPv4 addresses as ints: parsing and printing in dotted-quad form. */
public final class Ipv4 {
    private Ipv4() {
    }

    /** Parses a dotted quad; throws IllegalArgumentException naming the text when it is not one. */
    public static int parse(String text) {
        long v = parseOrMinusOne(text);
        if (v < 0) {
            throw new IllegalArgumentException("invalid IPv4 address \"" + text + "\"");
        }
        return (int) v;
    }

    /** Returns the address as an unsigned value, or -1 when {@code text} is not a dotted quad. */
    public static long parseOrMinusOne(String text) {
        int n = text.length();
        long v = 0;
        int part = 0;
        int digits = 0;
        int octets = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                if (++digits > 3 || part > 255) {
                    return -1;
                }
            } else if (c == '.') {
                if (digits == 0 || ++octets > 4) {
                    return -1;
                }
                v = (v << 8) | part;
                part = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        return octets == 4 ? v : -1;
    }

    public static String format(int addr) {
        StringBuilder sb = new StringBuilder(15);
        appendTo(sb, addr);
        return sb.toString();
    }

    public static void appendTo(StringBuilder sb, int addr) {
        sb.append((addr >>> 24) & 0xff).append('.').append((addr >>> 16) & 0xff).append('.')
          .append((addr >>> 8) & 0xff).append('.').append(addr & 0xff);
    }

    /** The netmask of a prefix length 0..32. */
    public static int maskOf(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("invalid prefix length " + prefixLength);
        }
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    /** The prefix length of a contiguous mask, or -1 when the mask is not contiguous. */
    public static int prefixLengthOf(int mask) {
        int len = Integer.bitCount(mask);
        return maskOf(len) == mask ? len : -1;
    }
}
