package dev.packetwalk.linux.conntrack;

/**
 * One direction of a connection as conntrack keys it: addresses, protocol, ports (for ICMP the
 * echo id in {@code sport} and type << 8 | code in {@code dport}), and the zone.
 */
public record Tuple(int src, int dst, int proto, int sport, int dport, int zone) {
    /** The tuple a reply would carry. */
    public Tuple inverse() {
        if (proto == 1) {
            int type = dport >> 8;
            int replyType = type == 8 ? 0 : type == 13 ? 14 : type == 17 ? 18 : type;
            return new Tuple(dst, src, proto, sport, (replyType << 8) | (dport & 0xff), zone);
        }
        return new Tuple(dst, src, proto, dport, sport, zone);
    }

    /** The same tuple in {@code z}. */
    public Tuple inZone(int z) {
        return z == zone ? this : new Tuple(src, dst, proto, sport, dport, z);
    }
}
