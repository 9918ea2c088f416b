package dev.packetwalk.ovs.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.packetwalk.net.Ipv4;

/**
 * Packet flows in text: {@link #parse} reads the {@code ofproto/trace BRIDGE FLOW} argument
 * (add-flow syntax, exact values, omitted fields zero, prerequisites checked item by item);
 * {@link #format} prints OVS's {@code flow_format} as on the {@code Flow:} and {@code Final flow:}
 * lines of a trace.
 */
public final class FlowText {
    private static final Set<String> LEADING = Set.of("pkt_mark", "recirc_id", "conj_id", "ct_state", "ct_zone",
            "ct_mark", "actset_output");

    private FlowText() {
    }

    /**
     * Parses a trace flow. Errors carry OVS's reason (the caller prefixes
     * {@code Bad openflow flow syntax: FLOW: }), e.g. {@code prerequisites not met for setting tp_dst}.
     */
    public static Flow parse(String text, PortNames ports, List<LogLine> log) {
        MatchBuilder b = new MatchBuilder(ports, log);
        for (String[] kv : FlowItems.split(text)) {
            String key = kv[0];
            if (key.equals("tun_flags") && kv[1] != null) {
                tunFlags(b, kv[1]);
                continue;
            }
            Field f = Field.byName(key.equals("tp_src") ? "tcp_src" : key.equals("tp_dst") ? "tcp_dst" : key);
            if (f != null && !f.prereq().isMet(b.value(), b.mask())) {
                throw new FlowSyntaxException("prerequisites not met for setting " + key);
            }
            if (!b.apply(key, kv[1])) {
                throw new FlowSyntaxException("unknown keyword " + key);
            }
        }
        return b.value().copy();
    }

    /**
     * tun_flags in a trace flow: only OVS's public flag (oam) may be named, which this model
     * does not carry; df/csum/key are the datapath's and cannot be set here (OVS 3.1 says
     * {@code bad value for tun_flags (key: unknown tunnel flag(s))}).
     */
    private static void tunFlags(MatchBuilder b, String v) {
        if (v.equals("0") || v.equals("0x0")) {
            b.value().setTunFlags(0);
            return;
        }
        String reason;
        if (v.startsWith("+") || v.startsWith("-")) {
            String name = v.substring(1);
            reason = name.equals("oam") ? v + ": wildcards not allowed here" : name + ": unknown tunnel flag(s)";
        } else {
            reason = v + ": unknown tunnel flag(s)";
        }
        throw new FlowSyntaxException("bad value for tun_flags (" + reason + ")");
    }

    /** OVS's {@code flow_format}: the fields relevant to the packet type, zero metadata skipped. */
    public static String format(Flow f) {
        Flow mask = new Flow();
        for (int r = 0; r < 16; r++) {
            if (f.reg(r) != 0) {
                mask.setReg(r, -1);
            }
        }
        nonZero(f, mask, Field.METADATA);
        nonZero(f, mask, Field.PKT_MARK);
        nonZero(f, mask, Field.CT_STATE);
        nonZero(f, mask, Field.CT_ZONE);
        nonZero(f, mask, Field.CT_MARK);
        nonZero(f, mask, Field.RECIRC_ID);
        nonZero(f, mask, Field.CONJ_ID);
        nonZero(f, mask, Field.IN_PORT);
        Field.CT_STATE.set(mask, f.ctState() != 0 ? 0xff : 0);
        full(mask, Field.VLAN_TCI, Field.ETH_SRC, Field.ETH_DST, Field.ETH_TYPE);
        int type = f.dlType();
        int proto = f.nwProto();
        if (type == Prereq.ETH_IP || type == Prereq.ETH_IPV6) {
            if (type == Prereq.ETH_IP) {
                full(mask, Field.IP_SRC, Field.IP_DST);
            } else {
                mask.setWord(Flow.W_IPV6_SRC, -1);
                mask.setWord(Flow.W_IPV6_SRC + 1, -1);
                mask.setWord(Flow.W_IPV6_DST, -1);
                mask.setWord(Flow.W_IPV6_DST + 1, -1);
                full(mask, Field.IPV6_LABEL);
            }
            full(mask, Field.NW_PROTO, Field.NW_TOS, Field.NW_TTL);
            mask.set(Flow.W_L4, 0, 2, 3);
            boolean l4 = (f.nwFrag() & Flow.FRAG_LATER) == 0; // later fragments have no L4 header
            if (l4 && (proto == 6 || proto == 17 || proto == 132 || proto == 1 || proto == 58)) {
                full(mask, Field.TCP_SRC, Field.TCP_DST);
            }
            if (l4 && proto == 6) {
                full(mask, Field.TCP_FLAGS);
            }
            if (proto == 58 && (f.tpSrc() == 135 || f.tpSrc() == 136)) {
                mask.setWord(Flow.W_ND_TARGET, -1);
                mask.setWord(Flow.W_ND_TARGET + 1, -1);
                full(mask, f.tpSrc() == 135 ? Field.ND_SLL : Field.ND_TLL);
            }
        } else if (type == Prereq.ETH_ARP || type == Prereq.ETH_RARP) {
            full(mask, Field.ARP_SPA, Field.ARP_TPA, Field.ARP_OP, Field.ARP_SHA, Field.ARP_THA);
        }
        long[] v = new long[Flow.N_WORDS];
        long[] m = new long[Flow.N_WORDS];
        for (int i = 0; i < Flow.N_WORDS; i++) {
            v[i] = f.word(i);
            m[i] = mask.word(i);
        }
        String text = MatchText.format(Match.of(v, m));
        List<String> items = new ArrayList<>(List.of(text.split(",")));
        int lead = 0;
        while (lead < items.size() && LEADING.contains(key(items.get(lead)))) {
            lead++;
        }
        if (f.recircId() != 0) {
            items.add(lead, "eth");
            lead++;
        }
        int at = lead;
        while (at < items.size() && (items.get(at).indexOf('=') < 0 || key(items.get(at)).startsWith("reg"))) {
            at++;
        }
        String tunnel = tunnel(f);
        if (!tunnel.isEmpty()) {
            items.add(at, tunnel);
        }
        at = items.indexOf("dl_vlan_pcp=" + (f.vlanTci() >>> 13));
        if (f.hasVlan() && at >= 0) {
            items.add(at + 1, "vlan_tci1=0x0000");
        }
        return String.join(",", items);
    }

    private static String key(String item) {
        int eq = item.indexOf('=');
        return eq < 0 ? item : item.substring(0, eq);
    }

    /**
     * The tunnel part (flow_wildcards_init_for_packet): with a tunnel destination, every tunnel
     * field, and tun_id only when the key flag is set; without one, just a non-zero tun_id.
     */
    private static String tunnel(Flow f) {
        StringBuilder sb = new StringBuilder();
        boolean dstSet = f.tunDst() != 0;
        if (dstSet ? (f.tunFlags() & Flow.TUN_FLAG_KEY) != 0 : f.tunId() != 0) {
            sb.append("tun_id=0x").append(Long.toHexString(f.tunId()));
        }
        if (dstSet) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append("tun_src=").append(Ipv4.format(f.tunSrc())).append(",tun_dst=").append(Ipv4.format(f.tunDst()))
              .append(",tun_ipv6_src=::,tun_ipv6_dst=::,tun_gbp_id=0,tun_gbp_flags=0,tun_tos=").append(f.tunTos())
              .append(",tun_ttl=").append(f.tunTtl()).append(",tun_erspan_ver=0,gtpu_flags=0,gtpu_msgtype=0,tun_flags=")
              .append(tunFlagNames(f.tunFlags()));
        }
        return sb.toString();
    }

    private static String tunFlagNames(int flags) {
        if (flags == 0) {
            return "0";
        }
        List<String> n = new ArrayList<>();
        if ((flags & Flow.TUN_FLAG_DF) != 0) {
            n.add("df");
        }
        if ((flags & Flow.TUN_FLAG_CSUM) != 0) {
            n.add("csum");
        }
        if ((flags & Flow.TUN_FLAG_KEY) != 0) {
            n.add("key");
        }
        return String.join("|", n);
    }

    private static void nonZero(Flow f, Flow mask, Field field) {
        if (field.get(f) != 0) {
            field.set(mask, -1L);
        }
    }

    private static void full(Flow mask, Field... fields) {
        for (Field field : fields) {
            field.set(mask, -1L);
        }
    }
}
