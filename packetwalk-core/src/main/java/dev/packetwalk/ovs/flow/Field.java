package dev.packetwalk.ovs.flow;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static dev.packetwalk.ovs.flow.Flow.*;

/**
 * An OpenFlow match/action field as OVS 3.1 knows it (its {@code meta-flow} table): names,
 * NXM/OXM names, width, prerequisites and where it lives in a {@link Flow}.
 *
 * <p>Bits are numbered from the least significant (bit 0), as in {@code NXM_NX_REG0[0..15]}.
 * Fields wider than 64 bits (IPv6 addresses, xxregs) occupy two words: the high 64 bits in
 * {@link #word()}, the low 64 bits in the next word. Fields stored in fewer bits than their
 * OpenFlow width ({@code ct_state}, {@code arp_op}) read the missing high bits as zero.
 * {@link #get}/{@link #set} never allocate.
 */
public enum Field {
    // name, aliases ("a|b"), NXM name, OXM name, word, shift, stored bits, width, format, prerequisite
    RECIRC_ID("recirc_id", null, "NXM_NX_RECIRC_ID", null, W_CONJ, 0, 32, 32, Format.HEX, Prereq.NONE),
    CONJ_ID("conj_id", null, "NXM_NX_CONJ_ID", null, W_CONJ, 32, 32, 32, Format.DEC, Prereq.NONE),
    TUN_ID("tun_id", "tunnel_id", "NXM_NX_TUN_ID", "OXM_OF_TUNNEL_ID", W_TUN_ID, 0, 64, 64, Format.HEX, Prereq.NONE),
    TUN_SRC("tun_src", null, "NXM_NX_TUN_IPV4_SRC", null, W_TUN_IPS, 32, 32, 32, Format.IPV4, Prereq.NONE),
    TUN_DST("tun_dst", null, "NXM_NX_TUN_IPV4_DST", null, W_TUN_IPS, 0, 32, 32, Format.IPV4, Prereq.NONE),
    TUN_FLAGS("tun_flags", null, "NXM_NX_TUN_FLAGS", null, W_TUN_META, 0, 16, 16, Format.TUN_FLAGS, Prereq.NONE),
    TUN_TOS("tun_tos", null, null, null, W_TUN_META, 16, 8, 8, Format.DEC, Prereq.NONE),
    TUN_TTL("tun_ttl", null, null, null, W_TUN_META, 24, 8, 8, Format.DEC, Prereq.NONE),
    METADATA("metadata", null, null, "OXM_OF_METADATA", W_METADATA, 0, 64, 64, Format.HEX, Prereq.NONE),
    IN_PORT("in_port", null, "NXM_OF_IN_PORT", null, W_PORT_MARK, 32, 16, 16, Format.PORT, Prereq.NONE),
    IN_PORT_OXM("in_port_oxm", null, null, "OXM_OF_IN_PORT", W_PORT_MARK, 32, 32, 32, Format.PORT, Prereq.NONE),
    ACTSET_OUTPUT("actset_output", null, null, "ONFOXM_ET_ACTSET_OUTPUT", W_TUN_META, 32, 32, 32, Format.PORT, Prereq.NONE),
    PKT_MARK("pkt_mark", null, "NXM_NX_PKT_MARK", null, W_PORT_MARK, 0, 32, 32, Format.HEX, Prereq.NONE),
    CT_STATE("ct_state", null, "NXM_NX_CT_STATE", null, W_CT, 0, 16, 32, Format.CT_STATE, Prereq.NONE),
    CT_ZONE("ct_zone", null, "NXM_NX_CT_ZONE", null, W_CT, 16, 16, 16, Format.DEC, Prereq.NONE),
    CT_MARK("ct_mark", null, "NXM_NX_CT_MARK", null, W_CT, 32, 32, 32, Format.HEX, Prereq.NONE),
    REG0("reg0", null, "NXM_NX_REG0", null, W_REGS, 32, 32, 32, Format.HEX, Prereq.NONE),
    REG1("reg1", null, "NXM_NX_REG1", null, W_REGS, 0, 32, 32, Format.HEX, Prereq.NONE),
    REG2("reg2", null, "NXM_NX_REG2", null, W_REGS + 1, 32, 32, 32, Format.HEX, Prereq.NONE),
    REG3("reg3", null, "NXM_NX_REG3", null, W_REGS + 1, 0, 32, 32, Format.HEX, Prereq.NONE),
    REG4("reg4", null, "NXM_NX_REG4", null, W_REGS + 2, 32, 32, 32, Format.HEX, Prereq.NONE),
    REG5("reg5", null, "NXM_NX_REG5", null, W_REGS + 2, 0, 32, 32, Format.HEX, Prereq.NONE),
    REG6("reg6", null, "NXM_NX_REG6", null, W_REGS + 3, 32, 32, 32, Format.HEX, Prereq.NONE),
    REG7("reg7", null, "NXM_NX_REG7", null, W_REGS + 3, 0, 32, 32, Format.HEX, Prereq.NONE),
    REG8("reg8", null, "NXM_NX_REG8", null, W_REGS + 4, 32, 32, 32, Format.HEX, Prereq.NONE),
    REG9("reg9", null, "NXM_NX_REG9", null, W_REGS + 4, 0, 32, 32, Format.HEX, Prereq.NONE),
    REG10("reg10", null, "NXM_NX_REG10", null, W_REGS + 5, 32, 32, 32, Format.HEX, Prereq.NONE),
    REG11("reg11", null, "NXM_NX_REG11", null, W_REGS + 5, 0, 32, 32, Format.HEX, Prereq.NONE),
    REG12("reg12", null, "NXM_NX_REG12", null, W_REGS + 6, 32, 32, 32, Format.HEX, Prereq.NONE),
    REG13("reg13", null, "NXM_NX_REG13", null, W_REGS + 6, 0, 32, 32, Format.HEX, Prereq.NONE),
    REG14("reg14", null, "NXM_NX_REG14", null, W_REGS + 7, 32, 32, 32, Format.HEX, Prereq.NONE),
    REG15("reg15", null, "NXM_NX_REG15", null, W_REGS + 7, 0, 32, 32, Format.HEX, Prereq.NONE),
    XREG0("xreg0", null, null, "OXM_OF_PKT_REG0", W_REGS, 0, 64, 64, Format.HEX, Prereq.NONE),
    XREG1("xreg1", null, null, "OXM_OF_PKT_REG1", W_REGS + 1, 0, 64, 64, Format.HEX, Prereq.NONE),
    XREG2("xreg2", null, null, "OXM_OF_PKT_REG2", W_REGS + 2, 0, 64, 64, Format.HEX, Prereq.NONE),
    XREG3("xreg3", null, null, "OXM_OF_PKT_REG3", W_REGS + 3, 0, 64, 64, Format.HEX, Prereq.NONE),
    XREG4("xreg4", null, null, "OXM_OF_PKT_REG4", W_REGS + 4, 0, 64, 64, Format.HEX, Prereq.NONE),
    XREG5("xreg5", null, null, "OXM_OF_PKT_REG5", W_REGS + 5, 0, 64, 64, Format.HEX, Prereq.NONE),
    XREG6("xreg6", null, null, "OXM_OF_PKT_REG6", W_REGS + 6, 0, 64, 64, Format.HEX, Prereq.NONE),
    XREG7("xreg7", null, null, "OXM_OF_PKT_REG7", W_REGS + 7, 0, 64, 64, Format.HEX, Prereq.NONE),
    XXREG0("xxreg0", null, "NXM_NX_XXREG0", null, W_REGS, 0, 128, 128, Format.HEX, Prereq.NONE),
    XXREG1("xxreg1", null, "NXM_NX_XXREG1", null, W_REGS + 2, 0, 128, 128, Format.HEX, Prereq.NONE),
    XXREG2("xxreg2", null, "NXM_NX_XXREG2", null, W_REGS + 4, 0, 128, 128, Format.HEX, Prereq.NONE),
    XXREG3("xxreg3", null, "NXM_NX_XXREG3", null, W_REGS + 6, 0, 128, 128, Format.HEX, Prereq.NONE),
    ETH_SRC("eth_src", "dl_src", "NXM_OF_ETH_SRC", null, W_DL_SRC, 16, 48, 48, Format.MAC, Prereq.NONE),
    ETH_DST("eth_dst", "dl_dst", "NXM_OF_ETH_DST", null, W_DL_DST, 16, 48, 48, Format.MAC, Prereq.NONE),
    ETH_TYPE("eth_type", "dl_type", "NXM_OF_ETH_TYPE", null, W_DL_DST, 0, 16, 16, Format.HEX, Prereq.NONE),
    VLAN_TCI("vlan_tci", null, "NXM_OF_VLAN_TCI", null, W_DL_SRC, 0, 16, 16, Format.HEX, Prereq.NONE),
    DL_VLAN("dl_vlan", null, null, null, W_DL_SRC, 0, 12, 12, Format.DEC, Prereq.NONE),
    DL_VLAN_PCP("dl_vlan_pcp", null, null, null, W_DL_SRC, 13, 3, 3, Format.DEC, Prereq.NONE),
    VLAN_VID("vlan_vid", null, null, "OXM_OF_VLAN_VID", W_DL_SRC, 0, 12, 12, Format.DEC, Prereq.NONE),
    VLAN_PCP("vlan_pcp", null, null, "OXM_OF_VLAN_PCP", W_DL_SRC, 13, 3, 3, Format.DEC, Prereq.VLAN),
    IP_SRC("ip_src", "nw_src", "NXM_OF_IP_SRC", null, W_NW, 32, 32, 32, Format.IPV4, Prereq.IPV4),
    IP_DST("ip_dst", "nw_dst", "NXM_OF_IP_DST", null, W_NW, 0, 32, 32, Format.IPV4, Prereq.IPV4),
    IPV6_SRC("ipv6_src", null, "NXM_NX_IPV6_SRC", null, W_IPV6_SRC, 0, 128, 128, Format.IPV6, Prereq.IPV6),
    IPV6_DST("ipv6_dst", null, "NXM_NX_IPV6_DST", null, W_IPV6_DST, 0, 128, 128, Format.IPV6, Prereq.IPV6),
    IPV6_LABEL("ipv6_label", null, "NXM_NX_IPV6_LABEL", null, W_IPV6_META, 0, 20, 20, Format.HEX, Prereq.IPV6),
    NW_PROTO("nw_proto", "ip_proto", "NXM_OF_IP_PROTO", null, W_L4, 24, 8, 8, Format.DEC, Prereq.IP_ANY),
    NW_TOS("nw_tos", null, "NXM_OF_IP_TOS", null, W_L4, 16, 8, 8, Format.DEC, Prereq.IP_ANY),
    IP_DSCP("ip_dscp", null, null, "OXM_OF_IP_DSCP", W_L4, 18, 6, 6, Format.DEC, Prereq.IP_ANY),
    NW_ECN("nw_ecn", "ip_ecn", "NXM_NX_IP_ECN", null, W_L4, 16, 2, 2, Format.DEC, Prereq.IP_ANY),
    NW_TTL("nw_ttl", null, "NXM_NX_IP_TTL", null, W_L4, 8, 8, 8, Format.DEC, Prereq.IP_ANY),
    NW_FRAG("nw_frag", "ip_frag", "NXM_NX_IP_FRAG", null, W_L4, 0, 2, 2, Format.FRAG, Prereq.IP_ANY),
    ARP_OP("arp_op", null, "NXM_OF_ARP_OP", null, W_L4, 24, 8, 16, Format.DEC, Prereq.ARP),
    ARP_SPA("arp_spa", null, "NXM_OF_ARP_SPA", null, W_NW, 32, 32, 32, Format.IPV4, Prereq.ARP),
    ARP_TPA("arp_tpa", null, "NXM_OF_ARP_TPA", null, W_NW, 0, 32, 32, Format.IPV4, Prereq.ARP),
    ARP_SHA("arp_sha", null, "NXM_NX_ARP_SHA", null, W_ARP_SHA, 16, 48, 48, Format.MAC, Prereq.ARP),
    ARP_THA("arp_tha", null, "NXM_NX_ARP_THA", null, W_ARP_THA, 16, 48, 48, Format.MAC, Prereq.ARP),
    TCP_SRC("tcp_src", null, "NXM_OF_TCP_SRC", null, W_L4, 48, 16, 16, Format.DEC, Prereq.TCP),
    TCP_DST("tcp_dst", null, "NXM_OF_TCP_DST", null, W_L4, 32, 16, 16, Format.DEC, Prereq.TCP),
    TCP_FLAGS("tcp_flags", null, "NXM_NX_TCP_FLAGS", null, W_ARP_SHA, 0, 12, 12, Format.TCP_FLAGS, Prereq.TCP),
    UDP_SRC("udp_src", null, "NXM_OF_UDP_SRC", null, W_L4, 48, 16, 16, Format.DEC, Prereq.UDP),
    UDP_DST("udp_dst", null, "NXM_OF_UDP_DST", null, W_L4, 32, 16, 16, Format.DEC, Prereq.UDP),
    SCTP_SRC("sctp_src", null, null, "OXM_OF_SCTP_SRC", W_L4, 48, 16, 16, Format.DEC, Prereq.SCTP),
    SCTP_DST("sctp_dst", null, null, "OXM_OF_SCTP_DST", W_L4, 32, 16, 16, Format.DEC, Prereq.SCTP),
    ICMP_TYPE("icmp_type", null, "NXM_OF_ICMP_TYPE", null, W_L4, 48, 8, 8, Format.DEC, Prereq.ICMP),
    ICMP_CODE("icmp_code", null, "NXM_OF_ICMP_CODE", null, W_L4, 32, 8, 8, Format.DEC, Prereq.ICMP),
    ICMPV6_TYPE("icmpv6_type", null, "NXM_NX_ICMPV6_TYPE", null, W_L4, 48, 8, 8, Format.DEC, Prereq.ICMPV6),
    ICMPV6_CODE("icmpv6_code", null, "NXM_NX_ICMPV6_CODE", null, W_L4, 32, 8, 8, Format.DEC, Prereq.ICMPV6),
    ND_TARGET("nd_target", null, "NXM_NX_ND_TARGET", null, W_ND_TARGET, 0, 128, 128, Format.IPV6, Prereq.ND),
    ND_SLL("nd_sll", null, "NXM_NX_ND_SLL", null, W_ARP_SHA, 16, 48, 48, Format.MAC, Prereq.ND_SOLICIT),
    ND_TLL("nd_tll", null, "NXM_NX_ND_TLL", null, W_ARP_THA, 16, 48, 48, Format.MAC, Prereq.ND_ADVERT);

    /** How {@code mf_format} prints a value of the field. */
    public enum Format { HEX, DEC, MAC, IPV4, IPV6, PORT, CT_STATE, TCP_FLAGS, FRAG, TUN_FLAGS }

    private static final Map<String, Field> BY_NAME = new HashMap<>();

    static {
        for (Field f : values()) {
            BY_NAME.put(f.name, f);
            if (f.alias != null) {
                BY_NAME.put(f.alias, f);
            }
            if (f.nxm != null) {
                BY_NAME.put(f.nxm.toLowerCase(Locale.ROOT), f);
            }
            if (f.oxm != null) {
                BY_NAME.put(f.oxm.toLowerCase(Locale.ROOT), f);
            }
        }
    }

    private final String name;
    private final String alias;
    private final String nxm;
    private final String oxm;
    private final int word;
    private final int shift;
    private final int storedBits;
    private final int width;
    private final Format format;
    private final Prereq prereq;
    private final long storedMask;

    Field(String name, String alias, String nxm, String oxm, int word, int shift, int storedBits,
            int width, Format format, Prereq prereq) {
        this.name = name;
        this.alias = alias;
        this.nxm = nxm;
        this.oxm = oxm;
        this.word = word;
        this.shift = shift;
        this.storedBits = storedBits;
        this.width = width;
        this.format = format;
        this.prereq = prereq;
        this.storedMask = storedBits >= 64 ? -1L : (1L << storedBits) - 1;
    }

    /**
     * Looks a field up by its OVS name, alias ({@code dl_src}, {@code nw_src}, {@code tunnel_id}),
     * or NXM/OXM name (case-insensitive); null when unknown.
     */
    public static Field byName(String name) {
        Field f = BY_NAME.get(name);
        return f != null ? f : BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** The canonical OVS name ({@code eth_src}, {@code ip_src}, {@code reg0}). */
    public String ovsName() {
        return name;
    }

    /** The other name OVS accepts ({@code dl_src}), or null. */
    public String alias() {
        return alias;
    }

    /** The NXM name ({@code NXM_OF_ETH_SRC}), or null. */
    public String nxmName() {
        return nxm;
    }

    /** The OXM name ({@code OXM_OF_METADATA}), or null. */
    public String oxmName() {
        return oxm;
    }

    /** The name used when a subfield of this field is printed: NXM if it has one, else OXM. */
    public String subfieldName() {
        return nxm != null ? nxm : oxm != null ? oxm : name;
    }

    /** True when the field can be read or written by actions (it has an NXM or OXM name). */
    public boolean isAddressable() {
        return nxm != null || oxm != null;
    }

    /** The width in bits that OpenFlow gives the field. */
    public int width() {
        return width;
    }

    public int word() {
        return word;
    }

    public int shift() {
        return shift;
    }

    public int storedBits() {
        return storedBits;
    }

    public Format format() {
        return format;
    }

    public Prereq prereq() {
        return prereq;
    }

    /** True for fields that live in two words (128-bit). */
    public boolean isWide() {
        return width > 64;
    }

    /** The whole field's value (fields up to 64 bits; for 128-bit fields, the low 64 bits). */
    public long get(Flow flow) {
        if (width > 64) {
            return flow.w[word + 1];
        }
        return (flow.w[word] >>> shift) & storedMask;
    }

    /** The high 64 bits of a 128-bit field (0 for narrower fields). */
    public long getHigh(Flow flow) {
        return width > 64 ? flow.w[word] : 0;
    }

    /** Sets the whole field (fields up to 64 bits; for 128-bit fields, the low 64 bits). */
    public void set(Flow flow, long value) {
        if (width > 64) {
            flow.w[word + 1] = value;
            return;
        }
        long m = storedMask << shift;
        flow.w[word] = (flow.w[word] & ~m) | ((value << shift) & m);
    }

    /** Sets the high 64 bits of a 128-bit field. */
    public void setHigh(Flow flow, long value) {
        if (width > 64) {
            flow.w[word] = value;
        }
    }

    /** Reads {@code n} (1..64) bits starting at bit {@code ofs} of this field. */
    public long getBits(Flow flow, int ofs, int n) {
        return Bits.read(flow.w, this, ofs, n);
    }

    /** Writes the low {@code n} (1..64) bits of {@code value} at bit {@code ofs} of this field. */
    public void setBits(Flow flow, int ofs, int n, long value) {
        Bits.write(flow.w, this, ofs, n, value);
    }

    @Override
    public String toString() {
        return name;
    }
}
