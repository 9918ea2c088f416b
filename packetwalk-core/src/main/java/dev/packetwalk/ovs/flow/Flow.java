package dev.packetwalk.ovs.flow;

import java.util.Arrays;

/**
 * The flow key of a packet inside Open vSwitch: every header and metadata field OVS matches on,
 * packed into a fixed array of 64-bit words (the shape of OVS's {@code struct flow}).
 *
 * <p>This is the one mutable value of the OVS emulator: a translation copies the packet's key
 * and changes the copy as actions run. Classifier subtables hash only the words their mask
 * touches. The layout below is the contract shared by {@link Field}, {@link Match} and the
 * classifier; each field is (word, shift, width).
 */
public final class Flow {
    public static final int W_METADATA = 0;
    /** reg(2k) is the high half of word W_REGS+k, reg(2k+1) the low half. */
    public static final int W_REGS = 1;
    public static final int W_TUN_ID = 9;
    /** tun_src high 32 bits, tun_dst low 32 bits. */
    public static final int W_TUN_IPS = 10;
    /** in_port high 32 bits, pkt_mark low 32 bits. */
    public static final int W_PORT_MARK = 11;
    /** ct_mark bits 32..63, ct_zone bits 16..31, ct_state bits 0..15. */
    public static final int W_CT = 12;
    /** conj_id high 32 bits, recirc_id low 32 bits. */
    public static final int W_CONJ = 13;
    /** dl_dst bits 16..63, dl_type bits 0..15. */
    public static final int W_DL_DST = 14;
    /** dl_src bits 16..63, vlan_tci bits 0..15. */
    public static final int W_DL_SRC = 15;
    /** nw_src high 32 bits, nw_dst low 32 bits (ARP: arp_spa, arp_tpa). */
    public static final int W_NW = 16;
    /**
     * tp_src bits 48..63, tp_dst 32..47 (ICMP: type, code), nw_proto 24..31 (ARP: opcode),
     * nw_tos 16..23 (DSCP in the high six bits, ECN in the low two), nw_ttl 8..15, nw_frag 0..7.
     */
    public static final int W_L4 = 17;
    /** arp_sha bits 16..63, tcp_flags bits 0..15. */
    public static final int W_ARP_SHA = 18;
    /** arp_tha bits 16..63. */
    public static final int W_ARP_THA = 19;
    /** tun_flags bits 0..15, tun_tos 16..23, tun_ttl 24..31, actset_output 32..63. */
    public static final int W_TUN_META = 20;
    /** ipv6_src: high 64 bits, then the low 64 bits in the next word. */
    public static final int W_IPV6_SRC = 21;
    /** ipv6_dst: high 64 bits, then the low 64 bits in the next word. */
    public static final int W_IPV6_DST = 23;
    /** nd_target: high 64 bits, then the low 64 bits in the next word. */
    public static final int W_ND_TARGET = 25;
    /** ipv6_label bits 0..19. (nd_sll/nd_tll share arp_sha/arp_tha, ICMPv6 type/code share tp_src/tp_dst, as in OVS.) */
    public static final int W_IPV6_META = 27;
    public static final int N_WORDS = 28;

    /** nw_frag bits. */
    public static final int FRAG_ANY = 1;
    public static final int FRAG_LATER = 2;
    /** tun_flags bits as OVS prints them. */
    public static final int TUN_FLAG_DF = 1;
    public static final int TUN_FLAG_CSUM = 2;
    public static final int TUN_FLAG_KEY = 4;
    /** The VLAN "present" bit (CFI) in vlan_tci. */
    public static final int VLAN_CFI = 0x1000;

    final long[] w;

    public Flow() {
        this.w = new long[N_WORDS];
    }

    private Flow(long[] words) {
        this.w = words;
    }

    public Flow copy() {
        return new Flow(w.clone());
    }

    public void copyFrom(Flow other) {
        System.arraycopy(other.w, 0, w, 0, N_WORDS);
    }

    public long word(int i) {
        return w[i];
    }

    public void setWord(int i, long v) {
        w[i] = v;
    }

    /** The unsigned value of {@code width} bits at {@code shift} of word {@code word}. */
    public long get(int word, int shift, int width) {
        long v = w[word] >>> shift;
        return width == 64 ? v : v & ((1L << width) - 1);
    }

    public void set(int word, int shift, int width, long value) {
        long m = (width == 64 ? -1L : ((1L << width) - 1)) << shift;
        w[word] = (w[word] & ~m) | ((value << shift) & m);
    }

    // Typed accessors for the fields the pipeline touches most.

    public int inPort() {
        return (int) (w[W_PORT_MARK] >>> 32);
    }

    public void setInPort(int port) {
        set(W_PORT_MARK, 32, 32, port & 0xffffffffL);
    }

    public int reg(int n) {
        long word = w[W_REGS + (n >> 1)];
        return (int) ((n & 1) == 0 ? word >>> 32 : word);
    }

    public void setReg(int n, int v) {
        set(W_REGS + (n >> 1), (n & 1) == 0 ? 32 : 0, 32, v & 0xffffffffL);
    }

    public long metadata() {
        return w[W_METADATA];
    }

    public long tunId() {
        return w[W_TUN_ID];
    }

    public void setTunId(long v) {
        w[W_TUN_ID] = v;
    }

    public int tunSrc() {
        return (int) (w[W_TUN_IPS] >>> 32);
    }

    public int tunDst() {
        return (int) w[W_TUN_IPS];
    }

    public void setTunSrc(int ip) {
        set(W_TUN_IPS, 32, 32, ip & 0xffffffffL);
    }

    public void setTunDst(int ip) {
        set(W_TUN_IPS, 0, 32, ip & 0xffffffffL);
    }

    public int tunFlags() {
        return (int) (w[W_TUN_META] & 0xffff);
    }

    public void setTunFlags(int flags) {
        set(W_TUN_META, 0, 16, flags);
    }

    public int tunTos() {
        return (int) get(W_TUN_META, 16, 8);
    }

    public int tunTtl() {
        return (int) get(W_TUN_META, 24, 8);
    }

    public void setTunTtl(int ttl) {
        set(W_TUN_META, 24, 8, ttl);
    }

    public long dlSrc() {
        return w[W_DL_SRC] >>> 16;
    }

    public void setDlSrc(long mac) {
        set(W_DL_SRC, 16, 48, mac);
    }

    public long dlDst() {
        return w[W_DL_DST] >>> 16;
    }

    public void setDlDst(long mac) {
        set(W_DL_DST, 16, 48, mac);
    }

    public int dlType() {
        return (int) (w[W_DL_DST] & 0xffff);
    }

    public void setDlType(int type) {
        set(W_DL_DST, 0, 16, type);
    }

    public int vlanTci() {
        return (int) (w[W_DL_SRC] & 0xffff);
    }

    public void setVlanTci(int tci) {
        set(W_DL_SRC, 0, 16, tci);
    }

    /** The VLAN id (0 when untagged). */
    public int vlanVid() {
        return vlanTci() & 0xfff;
    }

    public boolean hasVlan() {
        return (vlanTci() & VLAN_CFI) != 0;
    }

    public int nwSrc() {
        return (int) (w[W_NW] >>> 32);
    }

    public void setNwSrc(int ip) {
        set(W_NW, 32, 32, ip & 0xffffffffL);
    }

    public int nwDst() {
        return (int) w[W_NW];
    }

    public void setNwDst(int ip) {
        set(W_NW, 0, 32, ip & 0xffffffffL);
    }

    public int nwProto() {
        return (int) get(W_L4, 24, 8);
    }

    public void setNwProto(int proto) {
        set(W_L4, 24, 8, proto);
    }

    public int nwTos() {
        return (int) get(W_L4, 16, 8);
    }

    public void setNwTos(int tos) {
        set(W_L4, 16, 8, tos);
    }

    public int nwTtl() {
        return (int) get(W_L4, 8, 8);
    }

    public void setNwTtl(int ttl) {
        set(W_L4, 8, 8, ttl);
    }

    public int nwFrag() {
        return (int) get(W_L4, 0, 8);
    }

    public int tpSrc() {
        return (int) get(W_L4, 48, 16);
    }

    public void setTpSrc(int port) {
        set(W_L4, 48, 16, port);
    }

    public int tpDst() {
        return (int) get(W_L4, 32, 16);
    }

    public void setTpDst(int port) {
        set(W_L4, 32, 16, port);
    }

    public int tcpFlags() {
        return (int) (w[W_ARP_SHA] & 0xffff);
    }

    public long arpSha() {
        return w[W_ARP_SHA] >>> 16;
    }

    public long arpTha() {
        return w[W_ARP_THA] >>> 16;
    }

    public int ctState() {
        return (int) (w[W_CT] & 0xffff);
    }

    public int ctZone() {
        return (int) get(W_CT, 16, 16);
    }

    public int ctMark() {
        return (int) (w[W_CT] >>> 32);
    }

    public int conjId() {
        return (int) (w[W_CONJ] >>> 32);
    }

    public void setConjId(int id) {
        set(W_CONJ, 32, 32, id & 0xffffffffL);
    }

    public int recircId() {
        return (int) w[W_CONJ];
    }

    public int pktMark() {
        return (int) w[W_PORT_MARK];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Flow f && Arrays.equals(w, f.w);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w);
    }

    @Override
    public String toString() {
        return "Flow" + Arrays.toString(w);
    }
}
