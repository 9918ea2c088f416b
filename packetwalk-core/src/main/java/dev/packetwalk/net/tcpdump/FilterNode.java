package dev.packetwalk.net.tcpdump;

/**
 * A compiled tcpdump filter, tested on a frame's bytes as libpcap's BPF code would. Primitives
 * carry the {@code depth}: how many {@code vlan} keywords came before them in the expression,
 * each moving the link-layer payload 4 bytes on (libpcap's rule, even across {@code or}).
 */
sealed interface FilterNode {
    boolean test(PacketBytes p);

    static int etherTypeAt(int depth) {
        return 12 + 4 * depth;
    }

    static int networkAt(int depth) {
        return 14 + 4 * depth;
    }

    enum Dir {
        SRC, DST, SRC_OR_DST, SRC_AND_DST;

        boolean match(boolean src, boolean dst) {
            return switch (this) {
                case SRC -> src;
                case DST -> dst;
                case SRC_OR_DST -> src || dst;
                case SRC_AND_DST -> src && dst;
            };
        }
    }

    record And(FilterNode a, FilterNode b) implements FilterNode {
        public boolean test(PacketBytes p) {
            return a.test(p) && b.test(p);
        }
    }

    record Or(FilterNode a, FilterNode b) implements FilterNode {
        public boolean test(PacketBytes p) {
            return a.test(p) || b.test(p);
        }
    }

    record Not(FilterNode a) implements FilterNode {
        public boolean test(PacketBytes p) {
            return !a.test(p);
        }
    }

    /** {@code ip}, {@code arp}, {@code rarp}, {@code ether proto N}. */
    record EtherType(int depth, int type) implements FilterNode {
        public boolean test(PacketBytes p) {
            return p.u16(etherTypeAt(depth)) == type;
        }
    }

    /** {@code tcp}, {@code udp}, {@code icmp}, {@code ip proto N}. */
    record IpProto(int depth, int proto) implements FilterNode {
        public boolean test(PacketBytes p) {
            return p.u16(etherTypeAt(depth)) == 0x0800 && p.u8(networkAt(depth) + 9) == proto;
        }
    }

    /** {@code [src|dst] host|net ADDR[/LEN]} over IPv4 and, unless restricted to ip, ARP/RARP. */
    record Host(int depth, Dir dir, int addr, int mask, boolean ip, boolean arp) implements FilterNode {
        public boolean test(PacketBytes p) {
            int type = p.u16(etherTypeAt(depth));
            int n = networkAt(depth);
            if (ip && type == 0x0800) {
                return dir.match(is(p.u32(n + 12)), is(p.u32(n + 16)));
            }
            if (arp && (type == 0x0806 || type == 0x8035)) {
                return dir.match(is(p.u32(n + 14)), is(p.u32(n + 24)));
            }
            return false;
        }

        private boolean is(long a) {
            return ((int) a & mask) == addr;
        }
    }

    /** {@code [tcp|udp] [src|dst] port N} and {@code portrange LO-HI}: unfragmented (or first-fragment) IPv4. */
    record Port(int depth, Dir dir, int lo, int hi, int proto) implements FilterNode {
        public boolean test(PacketBytes p) {
            int n = networkAt(depth);
            if (p.u16(etherTypeAt(depth)) != 0x0800) {
                return false;
            }
            int pr = p.u8(n + 9);
            boolean protoOk = proto == 0 ? pr == 6 || pr == 17 || pr == 132 : pr == proto;
            if (!protoOk || (p.u16(n + 6) & 0x1fff) != 0) {
                return false;
            }
            int l4 = n + (p.u8(n) & 0x0f) * 4;
            return dir.match(in(p.u16(l4)), in(p.u16(l4 + 2)));
        }

        private boolean in(int port) {
            return port >= lo && port <= hi;
        }
    }

    /** {@code ether [src|dst] host MAC}. */
    record EtherHost(Dir dir, long mac) implements FilterNode {
        public boolean test(PacketBytes p) {
            return dir.match(p.mac(6) == mac, p.mac(0) == mac);
        }
    }

    /** {@code [ether] broadcast} and {@code [ether] multicast}. */
    record EtherGroup(boolean broadcast) implements FilterNode {
        public boolean test(PacketBytes p) {
            return broadcast ? p.mac(0) == 0xffff_ffff_ffffL : (p.u8(0) & 1) != 0;
        }
    }

    /** {@code vlan [ID]} at this depth (TPIDs 0x8100, 0x88a8, 0x9100). */
    record Vlan(int depth, int vid) implements FilterNode {
        public boolean test(PacketBytes p) {
            int t = p.u16(etherTypeAt(depth));
            if (t != 0x8100 && t != 0x88a8 && t != 0x9100) {
                return false;
            }
            return vid < 0 || (p.u16(etherTypeAt(depth) + 2) & 0xfff) == vid;
        }
    }

    /** {@code greater N} / {@code less N}. */
    record Length(boolean greater, int n) implements FilterNode {
        public boolean test(PacketBytes p) {
            return greater ? p.length() >= n : p.length() <= n;
        }
    }

    /** {@code PROTO[OFF:SIZE] & MASK OP VALUE}, e.g. {@code tcp[tcpflags] & tcp-syn != 0}. */
    record Relation(int depth, String layer, int offset, int size, long mask, String op, long value) implements FilterNode {
        public boolean test(PacketBytes p) {
            int base = base(p);
            if (base < 0) {
                return false;
            }
            int at = base + offset;
            long v = size == 1 ? p.u8(at) : size == 2 ? p.u16(at) : p.u32(at);
            v &= mask;
            return switch (op) {
                case "=", "==" -> v == value;
                case "!=" -> v != value;
                case "<" -> v < value;
                case ">" -> v > value;
                case "<=" -> v <= value;
                default -> v >= value;
            };
        }

        private int base(PacketBytes p) {
            int n = networkAt(depth);
            return switch (layer) {
                case "ether" -> 0;
                case "ip" -> p.u16(etherTypeAt(depth)) == 0x0800 ? n : -1;
                case "arp" -> p.u16(etherTypeAt(depth)) == 0x0806 ? n : -1;
                default -> {
                    int proto = layer.equals("tcp") ? 6 : layer.equals("udp") ? 17 : 1;
                    if (p.u16(etherTypeAt(depth)) != 0x0800 || p.u8(n + 9) != proto || (p.u16(n + 6) & 0x1fff) != 0) {
                        yield -1;
                    }
                    yield n + (p.u8(n) & 0x0f) * 4;
                }
            };
        }
    }
}
