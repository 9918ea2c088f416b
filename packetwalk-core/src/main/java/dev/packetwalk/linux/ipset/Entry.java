package dev.packetwalk.linux.ipset;

import dev.packetwalk.net.Ipv4;

/**
 * One member: an address with a prefix length (32 for a host), and for hash:ip,port a
 * protocol and port. {@link #key} packs it into one long for allocation-free lookups.
 */
public record Entry(int addr, int prefix, int proto, int port) {
    public long key() {
        return ((long) prefix << 48) ^ ((long) proto << 40) ^ ((long) port << 32) ^ (addr & 0xffffffffL);
    }

    static long key(int addr, int prefix, int proto, int port) {
        return ((long) prefix << 48) ^ ((long) proto << 40) ^ ((long) port << 32) ^ (addr & 0xffffffffL);
    }

    /** The member as ipset prints it: "10.0.0.5", "10.0.0.0/24", "1.2.3.4,tcp:80". */
    public String text(IpSetType type) {
        StringBuilder sb = new StringBuilder();
        Ipv4.appendTo(sb, addr);
        if (prefix != 32) {
            sb.append('/').append(prefix);
        }
        if (type == IpSetType.HASH_IP_PORT) {
            sb.append(',').append(protoName(proto)).append(':').append(port);
        }
        return sb.toString();
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
