package dev.packetwalk.ovs.action;

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

    static boolean fits(long v, int bits) {
        return bits >= 64 || (v >>> bits) == 0;
    }
}
