package dev.packetwalk.ovs.flow;

/**
 * What a flow must match before a field may be used (OVS's {@code mf_prereqs}): the
 * Ethernet type and, for L4 fields, the IP protocol.
 */
public enum Prereq {
    NONE, VLAN, ARP, IPV4, IPV6, IP_ANY, TCP, UDP, SCTP, ICMP, ICMPV6, ND, ND_SOLICIT, ND_ADVERT;

    static final int ETH_IP = 0x0800;
    static final int ETH_ARP = 0x0806;
    static final int ETH_RARP = 0x8035;
    static final int ETH_IPV6 = 0x86dd;

    /** True when a match with this value and mask meets the prerequisite. */
    public boolean isMet(Flow value, Flow mask) {
        return switch (this) {
            case NONE -> true;
            case VLAN -> (mask.vlanTci() & Flow.VLAN_CFI) != 0 && (value.vlanTci() & Flow.VLAN_CFI) != 0;
            case ARP -> ethIs(value, mask, ETH_ARP) || ethIs(value, mask, ETH_RARP);
            case IPV4 -> ethIs(value, mask, ETH_IP);
            case IPV6 -> ethIs(value, mask, ETH_IPV6);
            case IP_ANY -> ethIs(value, mask, ETH_IP) || ethIs(value, mask, ETH_IPV6);
            case TCP -> ipProto(value, mask, 6);
            case UDP -> ipProto(value, mask, 17);
            case SCTP -> ipProto(value, mask, 132);
            case ICMP -> ethIs(value, mask, ETH_IP) && protoIs(value, mask, 1);
            case ICMPV6 -> ethIs(value, mask, ETH_IPV6) && protoIs(value, mask, 58);
            case ND -> ICMPV6.isMet(value, mask) && ndType(value, mask, 135, 136);
            case ND_SOLICIT -> ICMPV6.isMet(value, mask) && ndType(value, mask, 135, 135);
            case ND_ADVERT -> ICMPV6.isMet(value, mask) && ndType(value, mask, 136, 136);
        };
    }

    private static boolean ethIs(Flow v, Flow m, int type) {
        return m.dlType() == 0xffff && v.dlType() == type;
    }

    private static boolean protoIs(Flow v, Flow m, int proto) {
        return m.nwProto() == 0xff && v.nwProto() == proto;
    }

    private static boolean ipProto(Flow v, Flow m, int proto) {
        return IP_ANY.isMet(v, m) && protoIs(v, m, proto);
    }

    private static boolean ndType(Flow v, Flow m, int a, int b) {
        int type = v.tpSrc() & 0xff;
        return (m.tpSrc() & 0xff) == 0xff && (type == a || type == b);
    }
}
