package dev.packetwalk.ovs.action;

import dev.packetwalk.net.Ipv6;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.FlowSyntaxException;

/** Integer and field-value parsing shared by the action parsers. */
final class Values {
    private Values() {
    }

    /** strtoull(.., 0) style; null when not a number. */
    static Long number(String s) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static long number(String s, String error) {
        Long v = number(s);
        if (v == null) {
            throw new FlowSyntaxException(error);
        }
        return v;
    }

    /** A bounded integer argument; OVS's "invalid X" style errors are given by the caller. */
    static int bounded(String s, int max, String error) {
        Long v = number(s);
        if (v == null || v < 0 || v > max) {
            throw new FlowSyntaxException(error);
        }
        return (int) (long) v;
    }

    /** A value of a whole field in its text form (MAC, IPv4, integer); null when unparsable. */
    static Long fieldValue(Field f, String s) {
        return switch (f.format()) {
            case MAC -> {
                long v = MacAddress.parseBits(s);
                yield v < 0 ? null : v;
            }
            case IPV4 -> {
                long v = Ipv4.parseOrMinusOne(s);
                yield v < 0 ? null : v;
            }
            default -> number(s);
        };
    }

    /**
     * An integer of up to 128 bits ({@code parse_int_string}: hex with {@code 0x}, else decimal),
     * or for an IPv6 field its address text; null when unparsable.
     */
    static java.math.BigInteger wide(Field f, String s) {
        if (f != null && f.format() == Field.Format.IPV6 && s.indexOf(':') >= 0) {
            long[] v = Ipv6.parse(s);
            return v == null ? null : of(v[0], v[1]);
        }
        try {
            java.math.BigInteger v = s.startsWith("0x") || s.startsWith("0X")
                    ? new java.math.BigInteger(s.substring(2), 16) : new java.math.BigInteger(s);
            return v.signum() < 0 || v.bitLength() > 128 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static java.math.BigInteger of(long high, long low) {
        return java.math.BigInteger.valueOf(high).shiftLeft(64)
                .or(java.math.BigInteger.valueOf(low).and(LOW64)).and(ONES128);
    }

    static final java.math.BigInteger LOW64 = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
    private static final java.math.BigInteger ONES128 =
            java.math.BigInteger.ONE.shiftLeft(128).subtract(java.math.BigInteger.ONE);

    static boolean fits(long v, int bits) {
        return bits >= 64 || (v >>> bits) == 0;
    }
}
