package dev.packetwalk.ovs.flow;

import java.util.ArrayList;

/**
 * A {@link Match} built field by field, named as the Neutron OVS agent names its match items
 * ({@code in_port}, {@code dl_vlan}, {@code arp_tpa} ...). Each method does exactly what the
 * equivalent text item does in {@link MatchText#parse}, and {@link #build} normalises the same
 * way (fields without their prerequisites are dropped), so both paths give equal matches.
 * Arguments out of a field's range throw {@link IllegalArgumentException}. One builder, one match.
 */
public final class MatchFields {
    /** {@code ct_state} bits, for {@link #ctState}: {@code +trk} is {@code ctState(CT_TRK, CT_TRK)}. */
    public static final int CT_NEW = 1;
    public static final int CT_EST = 1 << 1;
    public static final int CT_REL = 1 << 2;
    public static final int CT_RPL = 1 << 3;
    public static final int CT_INV = 1 << 4;
    public static final int CT_TRK = 1 << 5;
    public static final int CT_SNAT = 1 << 6;
    public static final int CT_DNAT = 1 << 7;

    private static final long MAC_ONES = 0xffff_ffff_ffffL;
    private static final int VID_PRESENT_ONES = 0x1fff;

    private final MatchBuilder items = new MatchBuilder(PortNames.NONE, new ArrayList<>(0));
    private boolean built;

    MatchFields() {
    }

    /** {@code in_port=N}: an OpenFlow 1.0 port number (1..0xfeff, or a reserved one from {@link OfPort}). */
    public MatchFields inPort(int ofport) {
        items.value(Field.IN_PORT, range(ofport, 0xffff, "in_port"), 0xffff, false);
        return this;
    }

    /** {@code dl_vlan=N}: a VLAN header with VID N (0..4095). */
    public MatchFields dlVlan(int vid) {
        items.dlVlan(range(vid, 0xfff, "dl_vlan"));
        return this;
    }

    /** {@code dl_vlan=0xffff}: no VLAN header. */
    public MatchFields noVlan() {
        items.dlVlan(0xffff);
        return this;
    }

    /** {@code vlan_tci=VALUE/MASK} (16 bits each; the VLAN present bit is 0x1000). */
    public MatchFields vlanTci(int value, int mask) {
        return field(Field.VLAN_TCI, value, mask);
    }

    /**
     * {@code vlan_vid=VALUE/MASK} in OpenFlow 1.3's 13 bits: the VID and the present bit 0x1000
     * ({@code vlanVid(0x1000 | 5, 0x1fff)} is VLAN 5, {@code vlanVid(0, 0x1fff)} no VLAN header).
     */
    public MatchFields vlanVid(int value, int mask) {
        range(value, VID_PRESENT_ONES, "vlan_vid");
        range(mask, VID_PRESENT_ONES, "vlan_vid mask");
        items.vlanVid(value, mask, mask != VID_PRESENT_ONES);
        return this;
    }

    /** {@code dl_src=MAC} (48 bits). */
    public MatchFields dlSrc(long mac) {
        return dlSrc(mac, MAC_ONES);
    }

    /** {@code dl_src=MAC/MASK}. */
    public MatchFields dlSrc(long mac, long mask) {
        return field(Field.ETH_SRC, mac, mask);
    }

    /** {@code dl_dst=MAC} (48 bits). */
    public MatchFields dlDst(long mac) {
        return dlDst(mac, MAC_ONES);
    }

    /** {@code dl_dst=MAC/MASK}: {@code dlDst(0, 1L << 40)} is every unicast destination. */
    public MatchFields dlDst(long mac, long mask) {
        return field(Field.ETH_DST, mac, mask);
    }

    /** {@code dl_type=0xNNNN}. */
    public MatchFields dlType(int ethertype) {
        return field(Field.ETH_TYPE, ethertype, 0xffff);
    }

    public MatchFields ip() {
        return shorthand(Shorthand.IP);
    }

    public MatchFields ipv6() {
        return shorthand(Shorthand.IPV6);
    }

    public MatchFields arp() {
        return shorthand(Shorthand.ARP);
    }

    public MatchFields icmp() {
        return shorthand(Shorthand.ICMP);
    }

    public MatchFields icmp6() {
        return shorthand(Shorthand.ICMP6);
    }

    public MatchFields tcp() {
        return shorthand(Shorthand.TCP);
    }

    public MatchFields tcp6() {
        return shorthand(Shorthand.TCP6);
    }

    public MatchFields udp() {
        return shorthand(Shorthand.UDP);
    }

    public MatchFields udp6() {
        return shorthand(Shorthand.UDP6);
    }

    /** {@code nw_proto=N}. */
    public MatchFields nwProto(int proto) {
        return field(Field.NW_PROTO, proto, 0xff);
    }

    /** {@code arp_op=N} (1 request, 2 reply). */
    public MatchFields arpOp(int op) {
        return field(Field.ARP_OP, op, 0xffff);
    }

    /** {@code arp_spa=A.B.C.D} (the address as a big-endian int, as {@link dev.packetwalk.net.Ipv4} keeps it). */
    public MatchFields arpSpa(int ip) {
        return arpSpa(ip, 32);
    }

    /** {@code arp_spa=A.B.C.D/LEN}. */
    public MatchFields arpSpa(int ip, int prefixLen) {
        return ipv4(Field.ARP_SPA, ip, prefixLen);
    }

    /** {@code arp_tpa=A.B.C.D}. */
    public MatchFields arpTpa(int ip) {
        return arpTpa(ip, 32);
    }

    /** {@code arp_tpa=A.B.C.D/LEN}. */
    public MatchFields arpTpa(int ip, int prefixLen) {
        return ipv4(Field.ARP_TPA, ip, prefixLen);
    }

    /** {@code arp_sha=MAC}. */
    public MatchFields arpSha(long mac) {
        return field(Field.ARP_SHA, mac, MAC_ONES);
    }

    /** {@code nw_src=A.B.C.D/LEN} (LEN 0..32). */
    public MatchFields nwSrc(int ip, int prefixLen) {
        return ipv4(Field.IP_SRC, ip, prefixLen);
    }

    /** {@code nw_dst=A.B.C.D/LEN} (LEN 0..32). */
    public MatchFields nwDst(int ip, int prefixLen) {
        return ipv4(Field.IP_DST, ip, prefixLen);
    }

    /** {@code ipv6_src=ADDR/LEN}: the address as its high and low 64 bits, LEN 0..128. */
    public MatchFields ipv6Src(long high, long low, int prefixLen) {
        return ipv6(Field.IPV6_SRC, high, low, prefixLen);
    }

    /** {@code ipv6_dst=ADDR/LEN}. */
    public MatchFields ipv6Dst(long high, long low, int prefixLen) {
        return ipv6(Field.IPV6_DST, high, low, prefixLen);
    }

    /** {@code nd_target=ADDR}: the address as its high and low 64 bits ({@link dev.packetwalk.net.Ipv6#parse}). */
    public MatchFields ndTarget(long high, long low) {
        return ipv6(Field.ND_TARGET, high, low, 128);
    }

    /** {@code tp_src=N}: the TCP, UDP or SCTP source port. */
    public MatchFields tpSrc(int port) {
        return tpSrc(port, 0xffff);
    }

    /** {@code tp_src=N/MASK}. */
    public MatchFields tpSrc(int port, int mask) {
        return transport(Field.TCP_SRC, port, mask, "tp_src");
    }

    /** {@code tp_dst=N}: the TCP, UDP or SCTP destination port. */
    public MatchFields tpDst(int port) {
        return tpDst(port, 0xffff);
    }

    /** {@code tp_dst=N/MASK}: {@code tpDst(0x50, 0xfff0)} is ports 80..95. */
    public MatchFields tpDst(int port, int mask) {
        return transport(Field.TCP_DST, port, mask, "tp_dst");
    }

    /** {@code icmp_type=N} (ICMP or, after {@link #icmp6}, ICMPv6). */
    public MatchFields icmpType(int type) {
        return field(Field.ICMP_TYPE, type, 0xff);
    }

    /** {@code icmp_code=N}. */
    public MatchFields icmpCode(int code) {
        return field(Field.ICMP_CODE, code, 0xff);
    }

    /** {@code tun_id=N} (the VXLAN VNI, GRE key ...). */
    public MatchFields tunId(long id) {
        return field(Field.TUN_ID, id, -1L);
    }

    /** {@code regN=VALUE} (N 0..15, 32-bit value). */
    public MatchFields reg(int n, long value) {
        return reg(n, value, 0xffff_ffffL);
    }

    /** {@code regN=VALUE/MASK}. */
    public MatchFields reg(int n, long value, long mask) {
        range(n, 15, "register number");
        return field(Field.values()[Field.REG0.ordinal() + n], value, mask);
    }

    /** {@code metadata=VALUE}. */
    public MatchFields metadata(long value) {
        return field(Field.METADATA, value, -1L);
    }

    /** {@code ct_state=FLAGS/MASK} with the {@code CT_*} bits: {@code ctState(CT_TRK | CT_EST, CT_TRK | CT_EST | CT_REL)}. */
    public MatchFields ctState(int flags, int mask) {
        return field(Field.CT_STATE, flags, mask);
    }

    /** {@code ct_zone=N}. */
    public MatchFields ctZone(int zone) {
        return field(Field.CT_ZONE, zone, 0xffff);
    }

    /** {@code ct_mark=VALUE/MASK}. */
    public MatchFields ctMark(long value, long mask) {
        return field(Field.CT_MARK, value, mask);
    }

    /**
     * Any field up to 64 bits: {@code NAME=VALUE/MASK}, or {@code NAME=VALUE} when the mask is
     * all ones. {@link Field#VLAN_VID} is {@link #vlanVid} (13 bits) and {@link Field#VLAN_PCP}
     * acts as {@code vlan_pcp} does; IPv6 addresses have their own methods; {@code dl_vlan} is {@link #dlVlan}.
     */
    public MatchFields field(Field f, long value, long mask) {
        if (f == null) {
            throw new IllegalArgumentException("no field given");
        }
        if (f.isWide() || f.format() == Field.Format.IPV6 || f == Field.DL_VLAN || f == Field.DL_VLAN_PCP) {
            throw new IllegalArgumentException(f.ovsName() + " has its own method (dlVlan, ipv6Src, ipv6Dst, ndTarget)");
        }
        if (f == Field.VLAN_VID) {
            return vlanVid((int) range(value, VID_PRESENT_ONES, "vlan_vid"), (int) range(mask, VID_PRESENT_ONES,
                    "vlan_vid mask"));
        }
        long ones = Bits.ones(f.width());
        if ((value & ~ones) != 0 || (mask & ~ones) != 0) {
            throw new IllegalArgumentException(f.ovsName() + ": 0x" + Long.toHexString(value) + "/0x"
                    + Long.toHexString(mask) + " does not fit in " + f.width() + " bits");
        }
        switch (f) {
            case VLAN_PCP -> {
                if (mask != ones) {
                    throw new IllegalArgumentException("vlan_pcp cannot be masked");
                }
                items.vlanPcp(value);
            }
            default -> {
                checkValue(f, value, mask);
                items.value(f, value, mask, mask != ones);
            }
        }
        return this;
    }

    /** The match as the switch keeps it when an agent sends it in OpenFlow 1.3 (Neutron's native driver). */
    public Match build() {
        return build(Protocol.OPENFLOW13);
    }

    /**
     * The match as the switch keeps it when sent in {@code protocol}, normalised as the text
     * path does. Throws {@link FlowSyntaxException} with ovs-ofctl's message when the match
     * cannot be sent in that protocol.
     */
    public Match build(Protocol protocol) {
        if (built) {
            throw new IllegalStateException("this builder has built its match already");
        }
        built = true;
        Match m = items.build(protocol);
        if ((items.usable() & FlowFormats.allowed(protocol)) == 0) {
            throw new FlowSyntaxException(FlowFormats.notAllowed(items.usable(), protocol));
        }
        if (!items.decodes()) {
            throw new FlowSyntaxException("OFPBMC_BAD_PREREQ", java.util.List.of(), "OFPBMC_BAD_PREREQ");
        }
        return m;
    }

    private MatchFields shorthand(Shorthand s) {
        items.shorthand(s);
        return this;
    }

    private MatchFields ipv4(Field f, int ip, int prefixLen) {
        range(prefixLen, 32, f.ovsName() + " prefix length");
        return field(f, ip & 0xffff_ffffL, dev.packetwalk.net.Ipv4.maskOf(prefixLen) & 0xffff_ffffL);
    }

    private MatchFields ipv6(Field f, long high, long low, int prefixLen) {
        range(prefixLen, 128, f.ovsName() + " prefix length");
        long mh = prefixLen >= 64 ? -1L : prefixLen == 0 ? 0 : -1L << (64 - prefixLen);
        long ml = prefixLen <= 64 ? 0 : prefixLen == 128 ? -1L : -1L << (128 - prefixLen);
        items.ipv6(f, high, low, mh, ml);
        return this;
    }

    private MatchFields transport(Field f, int port, int mask, String name) {
        range(port, 0xffff, name);
        range(mask, 0xffff, name + " mask");
        items.transport(f, port, mask, mask != 0xffff);
        return this;
    }

    /** What the text path refuses for a value written as a number (flag fields take their own bits only). */
    private static void checkValue(Field f, long value, long mask) {
        long valid = switch (f.format()) {
            case CT_STATE -> 0xff;
            case TCP_FLAGS -> 0xfff;
            case TUN_FLAGS -> 1;
            case FRAG -> 3;
            case PORT -> f == Field.IN_PORT ? 0xffff : 0xffff_ffffL;
            default -> -1L;
        };
        if ((value & ~valid) != 0 || (mask & ~valid) != 0) {
            throw new IllegalArgumentException(f.ovsName() + ": 0x" + Long.toHexString(value) + "/0x"
                    + Long.toHexString(mask) + " sets bits the field does not have");
        }
        if (f.format() == Field.Format.PORT && mask != Bits.ones(f.storedBits())) {
            throw new IllegalArgumentException(f.ovsName() + " cannot be masked");
        }
    }

    private static long range(long v, long max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " " + v + " is out of range 0.." + max);
        }
        return v;
    }
}
