package dev.packetwalk.linux.ipset;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.Ipv6;

/**
 * One member: an address of a family with a prefix length (the family's width for a host), and
 * for hash:ip,port a protocol and port. An IPv4 address sits in the low 32 bits of {@code lo};
 * the bits beyond the prefix are cleared. {@link #key} packs an IPv4 member into one long for
 * allocation-free lookups.
 */
public record Entry(IpSetFamily family, long hi, long lo, int prefix, int proto, int port) {
    public Entry {
        int bits = family.bits();
        if (prefix == 0) {
            throw new IpSetException("The value of the CIDR parameter of the IP address is invalid");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IpSetException("Syntax error: '" + prefix + "' is out of range 0-" + bits);
        }
        if (family == IpSetFamily.INET) {
            hi = 0;
            lo = lo & Ipv4.maskOf(prefix) & 0xffffffffL;
        } else {
            hi = prefix >= 64 ? hi : hi & (-1L << (64 - prefix));
            lo = prefix == 128 ? lo : prefix <= 64 ? 0 : lo & (-1L << (128 - prefix));
        }
    }

    /** An IPv4 host (prefix 32) or network: "10.0.0.5", "10.0.0.0/24". */
    public static Entry inet(int address, int prefix) {
        return new Entry(IpSetFamily.INET, 0, address & 0xffffffffL, prefix, 0, 0);
    }

    /** An IPv6 host (prefix 128) or network, the address as its high and low 64 bits. */
    public static Entry inet6(long hi, long lo, int prefix) {
        return new Entry(IpSetFamily.INET6, hi, lo, prefix, 0, 0);
    }

    /** The same host with a protocol and port, as hash:ip,port members are. */
    public Entry withPort(int protocol, int portNumber) {
        if (portNumber < 0 || portNumber > 65535) {
            throw new IpSetException("Syntax error: '" + portNumber + "' is out of range 0-65535");
        }
        return new Entry(family, hi, lo, prefix, protocol, portNumber);
    }

    /** The IPv4 address. */
    public int addr() {
        return (int) lo;
    }

    /** True for one address (no network). */
    public boolean host() {
        return prefix == family.bits();
    }

    /** The IPv4 member packed into one long (the packet path's key). */
    public long key() {
        return key(addr(), prefix, proto, port);
    }

    static long key(int addr, int prefix, int proto, int port) {
        return ((long) prefix << 48) ^ ((long) proto << 40) ^ ((long) port << 32) ^ (addr & 0xffffffffL);
    }

    /** The address (and prefix) as ipset prints it: "10.0.0.0/24", "fd00::5". */
    public String address() {
        StringBuilder sb = new StringBuilder();
        if (family == IpSetFamily.INET) {
            Ipv4.appendTo(sb, addr());
        } else {
            sb.append(Ipv6.format(hi, lo));
        }
        if (!host()) {
            sb.append('/').append(prefix);
        }
        return sb.toString();
    }

    /** The member as ipset prints it: "10.0.0.5", "10.0.0.0/24", "fd00::/64", "1.2.3.4,tcp:80". */
    public String text(IpSetType type) {
        String a = address();
        return type == IpSetType.HASH_IP_PORT ? a + "," + protoName(proto) + ":" + port : a;
    }

    static String protoName(int proto) {
        return switch (proto) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 132 -> "sctp";
            case 136 -> "udplite";
            default -> Integer.toString(proto);
        };
    }
}
