package dev.packetwalk.linux.addr;

import dev.packetwalk.net.Ipv6;

/** One IPv6 address on a device: 128 bits as two longs, prefix length and scope. */
public record Inet6Address(int ifindex, long high, long low, int prefixLength, int scope) {

    /** The EUI-64 link-local address the kernel derives from an Ethernet address. */
    public static Inet6Address linkLocal(int ifindex, long mac) {
        long hi = 0xfe80_0000_0000_0000L;
        long b0 = ((mac >>> 40) & 0xff) ^ 0x02;
        long lo = (b0 << 56) | (((mac >>> 32) & 0xff) << 48) | (((mac >>> 24) & 0xff) << 40)
                | (0xffL << 32) | (0xfeL << 24) | (mac & 0xff_ffffL);
        return new Inet6Address(ifindex, hi, lo, 64, 253);
    }

    /** {@code ::1/128 scope host}. */
    public static Inet6Address loopback(int ifindex) {
        return new Inet6Address(ifindex, 0, 1, 128, 254);
    }

    /** The address in RFC 5952 text form, as inet_ntop prints it. */
    public String text() {
        return Ipv6.format(high, low);
    }
}
