package dev.packetwalk.ovs.flow;

import dev.packetwalk.net.Ipv6;
import java.util.ArrayList;
import java.util.List;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

/**
 * The match part of OVS flow text: parsing ({@code ovs-ofctl add-flow} syntax) and printing in
 * OVS's canonical order and value formats ({@code match_format}).
 */
public final class MatchText {
    private MatchText() {
    }

    /**
     * Parses match items separated by commas/spaces ({@code tcp,tp_dst=80,in_port=p1}).
     *
     * @param log receives the stderr log lines (normalisation INFO, port WARN)
     * @throws FlowSyntaxException with OVS's message ({@code unknown keyword foo}, range errors)
     */
    public static Match parse(String text, Protocol protocol, PortNames ports, List<LogLine> log) {
        MatchBuilder b = new MatchBuilder(ports, log);
        for (String[] kv : FlowItems.split(text)) {
            if (!b.apply(kv[0], kv[1])) {
                throw new FlowSyntaxException("unknown keyword " + kv[0]);
            }
        }
        return b.build(protocol);
    }

    /** The match as the trace prints it on table lines (no priority), port numbers. */
    public static String format(Match m) {
        return format(m, FlowItems.DEFAULT_PRIORITY, null);
    }

    /**
     * The match as {@code dump-flows} prints it: {@code priority=N,} first unless N is 32768.
     * With {@code names} non-null, ports print as names ({@code --names}).
     */
    public static String format(Match m, int priority, PortNames names) {
        StringBuilder sb = new StringBuilder();
        if (priority != FlowItems.DEFAULT_PRIORITY) {
            sb.append("priority=").append(priority).append(',');
        }
        appendFields(sb, m, names);
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) == ',') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static void appendFields(StringBuilder sb, Match m, PortNames names) {
        hexField(sb, m, Field.PKT_MARK);
        hexField(sb, m, Field.RECIRC_ID);
        decField(sb, m, Field.CONJ_ID);
        if (mask(m, Field.ACTSET_OUTPUT) != 0) {
            sb.append("actset_output=").append(port(value(m, Field.ACTSET_OUTPUT), names)).append(',');
        }
        long cs = mask(m, Field.CT_STATE);
        if (cs != 0) {
            sb.append("ct_state=").append(ValueText.ctState(value(m, Field.CT_STATE), cs)).append(',');
        }
        decField(sb, m, Field.CT_ZONE);
        hexField(sb, m, Field.CT_MARK);
        Shorthand sh = Shorthand.of(m);
        if (sh != null) {
            sb.append(sh.keyword).append(',');
        }
        for (int i = 0; i < 16; i++) {
            hexField(sb, m, Field.values()[Field.REG0.ordinal() + i]);
        }
        hexField(sb, m, Field.TUN_ID);
        ipField(sb, m, Field.TUN_SRC);
        ipField(sb, m, Field.TUN_DST);
        decField(sb, m, Field.TUN_TOS);
        decField(sb, m, Field.TUN_TTL);
        if (mask(m, Field.TUN_FLAGS) != 0) {
            sb.append("tun_flags=").append(value(m, Field.TUN_FLAGS) != 0 ? "+oam" : "-oam").append(',');
        }
        hexField(sb, m, Field.METADATA);
        if (mask(m, Field.IN_PORT) != 0) {
            sb.append("in_port=").append(port(value(m, Field.IN_PORT), names)).append(',');
        }
        appendVlan(sb, m);
        macField(sb, m, Field.ETH_SRC);
        macField(sb, m, Field.ETH_DST);
        if (sh == null && mask(m, Field.ETH_TYPE) != 0) {
            sb.append("dl_type=0x").append(String.format("%04x", value(m, Field.ETH_TYPE)));
            if (mask(m, Field.ETH_TYPE) != 0xffff) {
                sb.append("/0x").append(String.format("%04x", mask(m, Field.ETH_TYPE)));
            }
            sb.append(',');
        }
        boolean arp = sh == Shorthand.ARP || sh == Shorthand.RARP;
        boolean v6 = sh != null && sh.dlType == Prereq.ETH_IPV6;
        if (v6) {
            ipv6Field(sb, m, Field.IPV6_SRC);
            ipv6Field(sb, m, Field.IPV6_DST);
            if (mask(m, Field.IPV6_LABEL) != 0) {
                sb.append("ipv6_label=").append(String.format("0x%05x", value(m, Field.IPV6_LABEL))).append(',');
            }
        } else {
            ipField(sb, m, arp ? Field.ARP_SPA : Field.IP_SRC);
            ipField(sb, m, arp ? Field.ARP_TPA : Field.IP_DST);
        }
        if ((sh == null || !sh.absorbsProto()) && mask(m, Field.NW_PROTO) != 0) {
            sb.append(arp ? "arp_op=" : "nw_proto=").append(value(m, Field.NW_PROTO)).append(',');
        }
        if (arp) {
            macField(sb, m, Field.ARP_SHA);
            macField(sb, m, Field.ARP_THA);
        }
        if ((mask(m, Field.NW_TOS) & 0xfc) != 0) {
            sb.append("nw_tos=").append(value(m, Field.NW_TOS) & 0xfc).append(',');
        }
        decField(sb, m, Field.NW_ECN);
        decField(sb, m, Field.NW_TTL);
        appendFrag(sb, m);
        boolean icmp = sh == Shorthand.ICMP || sh == Shorthand.ICMP6;
        if (icmp) {
            icmpField(sb, m, Field.TCP_SRC, "icmp_type");
            icmpField(sb, m, Field.TCP_DST, "icmp_code");
        } else {
            tpField(sb, m, Field.TCP_SRC, "tp_src");
            tpField(sb, m, Field.TCP_DST, "tp_dst");
        }
        if (sh == Shorthand.ICMP6) {
            ipv6Field(sb, m, Field.ND_TARGET);
            macField(sb, m, Field.ND_SLL);
            macField(sb, m, Field.ND_TLL);
        }
        long tf = mask(m, Field.TCP_FLAGS);
        if (tf != 0) {
            sb.append("tcp_flags=").append(ValueText.tcpFlags(value(m, Field.TCP_FLAGS), tf)).append(',');
        }
    }

    private static void appendVlan(StringBuilder sb, Match m) {
        int tm = (int) mask(m, Field.VLAN_TCI);
        if (tm == 0) {
            return;
        }
        int tv = (int) value(m, Field.VLAN_TCI);
        int vidMask = tm & 0xfff;
        int pcpMask = tm & 0xe000;
        if ((tm & Flow.VLAN_CFI) != 0 && (tv & Flow.VLAN_CFI) != 0 && (vidMask == 0 || vidMask == 0xfff)
                && (pcpMask == 0 || pcpMask == 0xe000) && (vidMask | pcpMask) != 0) {
            if (vidMask != 0) {
                sb.append("dl_vlan=").append(tv & 0xfff).append(',');
            }
            if (pcpMask != 0) {
                sb.append("dl_vlan_pcp=").append(tv >>> 13).append(',');
            }
        } else if (tm == 0xffff) {
            sb.append(String.format("vlan_tci=0x%04x,", tv));
        } else {
            sb.append(String.format("vlan_tci=0x%04x/0x%04x,", tv, tm));
        }
    }

    private static void appendFrag(StringBuilder sb, Match m) {
        int fm = (int) mask(m, Field.NW_FRAG);
        if (fm == 0) {
            return;
        }
        int fv = (int) value(m, Field.NW_FRAG);
        String s = switch (fm) {
            case 3 -> fv == 0 ? "no" : fv == 1 ? "first" : "later";
            case 1 -> fv == 0 ? "no" : "yes";
            default -> fv == 0 ? "not_later" : "later";
        };
        sb.append("nw_frag=").append(s).append(',');
    }

    static long value(Match m, Field f) {
        return f.storedBits() >= 64 ? m.value(f.word()) : m.value(f.word(), f.shift(), f.storedBits());
    }

    static long mask(Match m, Field f) {
        return f.storedBits() >= 64 ? m.mask(f.word()) : m.mask(f.word(), f.shift(), f.storedBits());
    }

    private static boolean full(Match m, Field f, long mk) {
        return mk == Bits.ones(f.storedBits());
    }

    private static void hexField(StringBuilder sb, Match m, Field f) {
        long mk = mask(m, f);
        if (mk == 0) {
            return;
        }
        sb.append(f.ovsName()).append('=').append(ValueText.hex(value(m, f)));
        if (!full(m, f, mk)) {
            sb.append('/').append(ValueText.hex(mk));
        }
        sb.append(',');
    }

    private static void decField(StringBuilder sb, Match m, Field f) {
        long mk = mask(m, f);
        if (mk == 0) {
            return;
        }
        if (full(m, f, mk)) {
            sb.append(f.ovsName()).append('=').append(value(m, f)).append(',');
        } else {
            sb.append(f.ovsName()).append("=0x").append(Long.toHexString(value(m, f)))
              .append("/0x").append(Long.toHexString(mk)).append(',');
        }
    }

    private static void icmpField(StringBuilder sb, Match m, Field f, String name) {
        if (mask(m, f) != 0) {
            sb.append(name).append('=').append(value(m, f) & 0xff).append(',');
        }
    }

    private static void tpField(StringBuilder sb, Match m, Field f, String name) {
        long mk = mask(m, f);
        if (mk == 0) {
            return;
        }
        long v = value(m, f);
        if (mk == 0xffff) {
            sb.append(name).append('=').append(v).append(',');
        } else {
            sb.append(name).append("=0x").append(Long.toHexString(v)).append("/0x").append(Long.toHexString(mk)).append(',');
        }
    }

    private static void macField(StringBuilder sb, Match m, Field f) {
        long mk = mask(m, f);
        if (mk == 0) {
            return;
        }
        sb.append(f.ovsName().equals("eth_src") ? "dl_src" : f.ovsName().equals("eth_dst") ? "dl_dst" : f.ovsName())
          .append('=');
        MacAddress.appendTo(sb, value(m, f));
        if (mk != 0xffff_ffff_ffffL) {
            sb.append('/');
            MacAddress.appendTo(sb, mk);
        }
        sb.append(',');
    }

    private static void ipField(StringBuilder sb, Match m, Field f) {
        int mk = (int) mask(m, f);
        if (mk == 0) {
            return;
        }
        String name = f == Field.IP_SRC ? "nw_src" : f == Field.IP_DST ? "nw_dst" : f.ovsName();
        sb.append(name).append('=');
        Ipv4.appendTo(sb, (int) value(m, f));
        if (mk != -1) {
            int len = Ipv4.prefixLengthOf(mk);
            sb.append('/');
            if (len >= 0) {
                sb.append(len);
            } else {
                Ipv4.appendTo(sb, mk);
            }
        }
        sb.append(',');
    }

    private static void ipv6Field(StringBuilder sb, Match m, Field f) {
        long mh = m.mask(f.word());
        long ml = m.mask(f.word() + 1);
        if (mh == 0 && ml == 0) {
            return;
        }
        sb.append(f.ovsName()).append('=').append(Ipv6.format(m.value(f.word()), m.value(f.word() + 1)));
        if (mh != -1L || ml != -1L) {
            int len = ValueText.ipv6Prefix(mh, ml);
            sb.append('/').append(len >= 0 ? Integer.toString(len) : Ipv6.format(mh, ml));
        }
        sb.append(',');
    }

    static String port(long p, PortNames names) {
        String r = OfPort.reservedName((int) p);
        if (r != null) {
            return r;
        }
        if (names != null) {
            String n = names.name((int) p);
            if (n != null) {
                return FlowItems.quoteName(n);
            }
        }
        return Long.toString(p);
    }

    /** Splits a match text into its items, for callers that need them. */
    public static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        for (String[] kv : FlowItems.split(text)) {
            out.add(kv[1] == null ? kv[0] : kv[0] + "=" + kv[1]);
        }
        return out;
    }
}
