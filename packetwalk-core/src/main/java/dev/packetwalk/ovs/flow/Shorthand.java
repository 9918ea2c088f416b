package dev.packetwalk.ovs.flow;

/** The protocol shorthands ({@code ip}, {@code tcp}, {@code arp}, ...): an Ethernet type and maybe an IP protocol. */
enum Shorthand {
    IP("ip", 0x0800, -1), IPV6("ipv6", 0x86dd, -1), ICMP("icmp", 0x0800, 1), ICMP6("icmp6", 0x86dd, 58),
    TCP("tcp", 0x0800, 6), TCP6("tcp6", 0x86dd, 6), UDP("udp", 0x0800, 17), UDP6("udp6", 0x86dd, 17),
    SCTP("sctp", 0x0800, 132), SCTP6("sctp6", 0x86dd, 132),
    ARP("arp", 0x0806, -1), RARP("rarp", 0x8035, -1), MPLS("mpls", 0x8847, -1), MPLSM("mplsm", 0x8848, -1);

    private static final Shorthand[] ALL = values();

    final String keyword;
    final int dlType;
    final int nwProto;

    Shorthand(String keyword, int dlType, int nwProto) {
        this.keyword = keyword;
        this.dlType = dlType;
        this.nwProto = nwProto;
    }

    static Shorthand byKeyword(String k) {
        for (Shorthand s : ALL) {
            if (s.keyword.equals(k)) {
                return s;
            }
        }
        return null;
    }

    /** Sets this shorthand's Ethernet type (and IP protocol) in a match. */
    void applyTo(Flow value, Flow mask) {
        value.setDlType(dlType);
        mask.setDlType(0xffff);
        if (nwProto >= 0) {
            value.setNwProto(nwProto);
            mask.setNwProto(0xff);
        }
    }

    /** The shorthand that names a match's dl_type (and nw_proto when absorbed), or null. */
    static Shorthand of(Match m) {
        if (m.mask(Flow.W_DL_DST, 0, 16) != 0xffff) {
            return null;
        }
        int type = (int) m.value(Flow.W_DL_DST, 0, 16);
        boolean protoExact = m.mask(Flow.W_L4, 24, 8) == 0xff;
        int proto = (int) m.value(Flow.W_L4, 24, 8);
        Shorthand plain = null;
        for (Shorthand s : ALL) {
            if (s.dlType != type) {
                continue;
            }
            if (s.nwProto < 0) {
                plain = s;
            } else if (protoExact && proto == s.nwProto) {
                return s;
            }
        }
        return plain;
    }

    boolean absorbsProto() {
        return nwProto >= 0;
    }
}
