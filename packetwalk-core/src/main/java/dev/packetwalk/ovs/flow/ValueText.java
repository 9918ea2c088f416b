package dev.packetwalk.ovs.flow;

import java.math.BigInteger;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.Ipv6;
import dev.packetwalk.net.MacAddress;

/** Field values in OVS's text forms ({@code mf_parse_value}/{@code mf_format}). */
public final class ValueText {
    private static final String[] CT_STATE_NAMES = {"new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat"};
    private static final String[] TCP_FLAG_NAMES = {"fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr", "ns"};

    private ValueText() {
    }

    /** Parses an unsigned integer in C's {@code strtoull(.., 0)} style (decimal or 0x hex); -1 on failure is not possible, throws. */
    static long parseUnsigned(String s) throws NumberFormatException {
        if (s.startsWith("0x") || s.startsWith("0X")) {
            return Long.parseUnsignedLong(s.substring(2), 16);
        }
        if (s.startsWith("-")) {
            return -Long.parseLong(s.substring(1));
        }
        return Long.parseUnsignedLong(s);
    }

    /** {@code %#x}: 0 prints as {@code 0}, else {@code 0x..}. */
    public static String hex(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    /** A 128-bit value (high, low halves) as OVS prints wide integers: {@code 0x...} or {@code 0}. */
    public static String hex(long high, long low) {
        if (high == 0) {
            return hex(low);
        }
        String lo = Long.toHexString(low);
        return "0x" + Long.toHexString(high) + "0".repeat(16 - lo.length()) + lo;
    }

    /** A whole field's value wider than 64 bits in the field's text form (IPv6 or hex). */
    public static String format(Field f, long high, long low) {
        return f.format() == Field.Format.IPV6 ? Ipv6.format(high, low) : hex(high, low);
    }

    /** The number of bytes OVS gives a field in "value too large for N-byte field". */
    static int bytesOf(Field f) {
        return switch (f) {
            case CT_STATE, IPV6_LABEL -> 4;
            case ARP_OP, IN_PORT, TUN_FLAGS -> 2;
            default -> (f.width() + 7) / 8;
        };
    }

    /** Formats a whole value as {@code mf_format} does (hex fields with %#x). */
    public static String format(Field f, long value) {
        return switch (f.format()) {
            case HEX -> hex(value);
            case DEC, PORT -> Long.toString(value);
            case MAC -> MacAddress.format(value);
            case IPV4 -> Ipv4.format((int) value);
            case IPV6 -> Ipv6.format(0, value);
            case CT_STATE -> flags(CT_STATE_NAMES, value, "|");
            case TCP_FLAGS -> flags(TCP_FLAG_NAMES, value, "|");
            case FRAG -> Long.toString(value);
            case TUN_FLAGS -> value == 0 ? "0" : "oam";
        };
    }

    static String flags(String[] names, long value, String sep) {
        if (value == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if ((value & (1L << i)) != 0) {
                if (sb.length() > 0) {
                    sb.append(sep);
                }
                sb.append(names[i]);
            }
        }
        return sb.toString();
    }

    /** {@code +a-b} form for the masked bits, in bit order. */
    static String signedFlags(String[] names, long value, long mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            long bit = 1L << i;
            if ((mask & bit) != 0) {
                sb.append((value & bit) != 0 ? '+' : '-').append(names[i]);
            }
        }
        return sb.toString();
    }

    static String ctState(long value, long mask) {
        return mask == 0xff ? flags(CT_STATE_NAMES, value, "|") : signedFlags(CT_STATE_NAMES, value, mask);
    }

    static String tcpFlags(long value, long mask) {
        return mask == 0xfff ? flags(TCP_FLAG_NAMES, value, "|") : signedFlags(TCP_FLAG_NAMES, value, mask);
    }

    /** Parses {@code +a-b}, {@code a|b} or an integer[/mask] flag value; returns {value, mask} or null. */
    static long[] parseFlags(String[] names, String s, long allMask) {
        if (s.isEmpty()) {
            return null;
        }
        char c0 = s.charAt(0);
        if (c0 == '+' || c0 == '-') {
            long v = 0;
            long m = 0;
            int i = 0;
            while (i < s.length()) {
                char sign = s.charAt(i);
                if (sign != '+' && sign != '-') {
                    return null;
                }
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '+' && s.charAt(j) != '-') {
                    j++;
                }
                int bit = indexOf(names, s.substring(i + 1, j));
                if (bit < 0) {
                    return null;
                }
                m |= 1L << bit;
                if (sign == '+') {
                    v |= 1L << bit;
                }
                i = j;
            }
            return new long[] {v, m};
        }
        if (Character.isDigit(c0)) {
            int slash = s.indexOf('/');
            try {
                long v = parseUnsigned(slash < 0 ? s : s.substring(0, slash));
                long m = slash < 0 ? allMask : parseUnsigned(s.substring(slash + 1));
                if ((v & ~allMask) != 0 || (m & ~allMask) != 0) {
                    return null;
                }
                return new long[] {v & m, m};
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long v = 0;
        for (String part : s.split("\\|")) {
            int bit = indexOf(names, part);
            if (bit < 0) {
                return null;
            }
            v |= 1L << bit;
        }
        return new long[] {v, allMask};
    }

    static long[] parseCtState(String s) {
        return parseFlags(CT_STATE_NAMES, s, 0xff);
    }

    static long[] parseTcpFlags(String s) {
        return parseFlags(TCP_FLAG_NAMES, s, 0xfff);
    }

    private static int indexOf(String[] names, String n) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(n)) {
                return i;
            }
        }
        return -1;
    }

    /** The prefix length of a contiguous 128-bit mask, or -1. */
    static int ipv6Prefix(long hi, long lo) {
        BigInteger m = new BigInteger(1, toBytes(hi, lo));
        int ones = m.bitCount();
        BigInteger expect = ones == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(ones).subtract(BigInteger.ONE).shiftLeft(128 - ones);
        return m.equals(expect) ? ones : -1;
    }

    private static byte[] toBytes(long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[i + 8] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }
}
