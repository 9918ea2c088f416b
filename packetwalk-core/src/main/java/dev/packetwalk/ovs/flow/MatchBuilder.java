package dev.packetwalk.ovs.flow;

import dev.packetwalk.net.Ipv6;
import java.util.List;
import java.util.OptionalInt;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

/**
 * Accumulates match items ({@code key=value}) into a value/mask pair the way {@code ovs-ofctl}
 * does, then normalises (drops fields whose prerequisites are missing, with OVS's INFO log).
 */
public final class MatchBuilder {
    private static final int VLAN_PCP_MASK = 0xe000;

    private final Flow value = new Flow();
    private final Flow mask = new Flow();
    private final PortNames ports;
    private final List<LogLine> log;
    private boolean nxmOnly;
    private int usable = FlowFormats.ANY;
    private boolean decodes = true;

    public MatchBuilder(PortNames ports, List<LogLine> log) {
        this.ports = ports;
        this.log = log;
    }

    /** Applies one item; false when {@code key} is not a match keyword. */
    public boolean apply(String key, String val) {
        if (Shorthand.apply(key, value, mask)) {
            return true;
        }
        switch (key) {
            case "tp_src" -> integer(Field.TCP_SRC, val);
            case "tp_dst" -> integer(Field.TCP_DST, val);
            case "dl_vlan" -> dlVlan(val);
            case "dl_vlan_pcp", "vlan_pcp" -> vlanPcp(val);
            case "vlan_vid" -> vlanVid(val);
            default -> {
                Field f = Field.byName(key);
                if (f == null || f == Field.DL_VLAN || f == Field.DL_VLAN_PCP) {
                    return false;
                }
                if (val == null) {
                    return true;
                }
                field(f, val);
            }
        }
        return true;
    }

    private void field(Field f, String val) {
        switch (f.format()) {
            case MAC -> mac(f, val);
            case IPV4 -> ipv4(f, val);
            case IPV6 -> ipv6(f, val);
            case PORT -> port(f, val);
            case CT_STATE -> flags(f, val, ValueText.parseCtState(val), "unknown ct_state flag(s)");
            case TCP_FLAGS -> flags(f, val, ValueText.parseTcpFlags(val), "unknown TCP flag(s)");
            case FRAG -> frag(val);
            case TUN_FLAGS -> flags(f, val, val.equals("+oam") || val.equals("oam") ? new long[] {1, 1}
                    : val.equals("-oam") ? new long[] {0, 1} : null, "unknown tunnel flag(s)");
            default -> integer(f, val);
        }
        if (f != Field.IN_PORT && f != Field.ETH_SRC && f != Field.ETH_DST && f != Field.ETH_TYPE
                && f != Field.NW_PROTO && f != Field.NW_TOS && f != Field.ICMP_TYPE && f != Field.ICMP_CODE
                && f != Field.IP_SRC && f != Field.IP_DST && f != Field.ARP_SPA && f != Field.ARP_TPA
                && f != Field.ARP_OP) {
            nxmOnly = true;
        }
    }

    private void put(Field f, long v, long m) {
        f.set(value, v & m);
        f.set(mask, m);
    }

    private long[] intPair(Field f, String val) {
        int slash = val.indexOf('/');
        String vs = slash < 0 ? val : val.substring(0, slash);
        long v = parseInt(f, vs);
        long m = slash < 0 ? Bits.ones(f.width()) : parseInt(f, val.substring(slash + 1));
        if (slash >= 0) {
            nxmOnly = true;
        }
        return new long[] {v, m};
    }

    private long parseInt(Field f, String s) {
        long v;
        try {
            v = ValueText.parseUnsigned(s);
        } catch (NumberFormatException e) {
            throw new FlowSyntaxException(s + ": bad syntax for " + f.ovsName() + " value");
        }
        int bytes = ValueText.bytesOf(f);
        if (bytes < 8 && (v < 0 || v >>> (bytes * 8) != 0)) {
            throw new FlowSyntaxException(s + ": value too large for " + bytes + "-byte field " + f.ovsName());
        }
        return v;
    }

    private void integer(Field f, String val) {
        long[] p = intPair(f, val);
        usable &= FlowFormats.field(f, p[1]);
        long valid = f == Field.NW_TOS ? 0xfc : Bits.ones(Math.min(f.width(), f.storedBits()));
        long m = p[1] & valid;
        put(f, p[0], m);
        if (f == Field.ICMP_TYPE || f == Field.ICMPV6_TYPE) {
            Field.TCP_SRC.set(mask, 0xffff);
        } else if (f == Field.ICMP_CODE || f == Field.ICMPV6_CODE) {
            Field.TCP_DST.set(mask, 0xffff);
        }
        if (f.isWide()) {
            f.setHigh(value, 0);
            f.setHigh(mask, -1L);
        }
    }

    private void mac(Field f, String val) {
        int slash = val.indexOf('/');
        long v = MacAddress.parseBits(slash < 0 ? val : val.substring(0, slash));
        long m = slash < 0 ? 0xffff_ffff_ffffL : MacAddress.parseBits(val.substring(slash + 1));
        if (v < 0 || m < 0) {
            throw new FlowSyntaxException(val + ": invalid Ethernet address");
        }
        if (m != 0xffff_ffff_ffffL) {
            nxmOnly = true;
        }
        usable &= FlowFormats.field(f, m);
        put(f, v, m);
    }

    private void ipv4(Field f, String val) {
        int slash = val.indexOf('/');
        long v = Ipv4.parseOrMinusOne(slash < 0 ? val : val.substring(0, slash));
        if (v < 0) {
            throw new FlowSyntaxException(val + ": invalid IP address");
        }
        long m = 0xffffffffL;
        if (slash >= 0) {
            String ms = val.substring(slash + 1);
            long dotted = Ipv4.parseOrMinusOne(ms);
            if (dotted >= 0) {
                m = dotted;
                if (Ipv4.prefixLengthOf((int) m) < 0) {
                    nxmOnly = true;
                }
            } else {
                int bits;
                try {
                    bits = Integer.parseInt(ms);
                } catch (NumberFormatException e) {
                    throw new FlowSyntaxException(val + ": invalid IP address");
                }
                if (bits < 0 || bits > 32) {
                    throw new FlowSyntaxException(val + ": IPv4 network prefix bits not between 0 and 32, inclusive");
                }
                m = Ipv4.maskOf(bits) & 0xffffffffL;
            }
        }
        usable &= FlowFormats.field(f, m);
        put(f, v, m);
    }

    private void ipv6(Field f, String val) {
        int slash = val.indexOf('/');
        long[] v = Ipv6.parse(slash < 0 ? val : val.substring(0, slash));
        if (v == null) {
            throw new FlowSyntaxException(val + ": invalid IPv6 address");
        }
        long[] m = {-1L, -1L};
        if (slash >= 0) {
            String ms = val.substring(slash + 1);
            long[] dotted = Ipv6.parse(ms);
            if (dotted != null) {
                m = dotted;
            } else {
                int bits;
                try {
                    bits = Integer.parseInt(ms);
                } catch (NumberFormatException e) {
                    throw new FlowSyntaxException(val + ": invalid IPv6 address");
                }
                if (bits < 0 || bits > 128) {
                    throw new FlowSyntaxException(val + ": IPv6 network prefix bits not between 0 and 128, inclusive");
                }
                m = new long[] {bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits),
                    bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits)};
            }
        }
        f.setHigh(value, v[0] & m[0]);
        f.setHigh(mask, m[0]);
        f.set(value, v[1] & m[1]);
        f.set(mask, m[1]);
        nxmOnly = true;
        usable &= FlowFormats.field(f, m[0] | m[1]);
    }

    private void port(Field f, String val) {
        int p = parsePort(val, ports, log);
        if (p < 0) {
            throw new FlowSyntaxException(val + ": invalid or unknown port for " + f.ovsName());
        }
        put(f, p, Bits.ones(f.storedBits()));
    }

    /** OVS's {@code ofputil_port_from_string} for OF1.0 ports; -1 when invalid. Logs deprecations. */
    public static int parsePort(String s, PortNames ports, List<LogLine> log) {
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            long n;
            try {
                n = Long.parseLong(s);
            } catch (NumberFormatException e) {
                return -1;
            }
            if (n > 0xffff && n < 0xffffff00L || n > 0xffffffffL) {
                log.add(LogLine.warn("ofp_port", "port " + s + " is outside the supported range 0 through ffff"
                        + " or 0xffffff00 through 0xffffffff"));
                return -1;
            }
            if (n >= 0xffffff00L) {
                n = n - 0xffffff00L + OfPort.MAX;
            }
            if (n >= OfPort.IN_PORT) {
                log.add(LogLine.warn("ofp_port", "referring to port " + OfPort.reservedName((int) n) + " as " + s
                        + " is deprecated for compatibility with OpenFlow 1.1 and later"));
            } else if (n >= OfPort.MAX) {
                log.add(LogLine.warn("ofp_port", "port " + s + " is a reserved OF1.0 port number that will be"
                        + " translated to " + (n - OfPort.MAX + 0xffffff00L)
                        + " when talking to an OF1.1 or later controller"));
            }
            return (int) n;
        }
        int r = OfPort.reservedNumber(s);
        if (r >= 0) {
            return r;
        }
        String name = s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
        OptionalInt n = ports.number(name);
        return n.isPresent() ? n.getAsInt() : -1;
    }

    private void flags(Field f, String val, long[] p, String error) {
        if (p == null) {
            String bad = val.replaceFirst("^[+-]", "");
            throw new FlowSyntaxException(bad + ": " + error);
        }
        usable &= FlowFormats.field(f, p[1]);
        put(f, p[0], p[1]);
    }

    private void frag(String val) {
        long[] p = switch (val) {
            case "no" -> new long[] {0, 3};
            case "yes" -> new long[] {1, 1};
            case "first" -> new long[] {1, 3};
            case "later" -> new long[] {3, 3};
            case "not_later" -> new long[] {0, 2};
            default -> throw new FlowSyntaxException(val + ": unknown fragment type (valid types are \"no\", "
                    + "\"yes\", \"first\", \"later\", \"not_later\"");
        };
        usable &= FlowFormats.field(Field.NW_FRAG, p[1]);
        put(Field.NW_FRAG, p[0], p[1]);
    }

    private void dlVlan(String val) {
        long v = parseInt(Field.VLAN_TCI, val);
        if (v == 0xffff) {
            Field.VLAN_TCI.set(value, 0);
            Field.VLAN_TCI.set(mask, 0xffff);
            return;
        }
        setTci((int) (v & 0xfff) | Flow.VLAN_CFI, 0x1fff);
    }

    private void vlanPcp(String val) {
        long v = parseInt(Field.DL_VLAN_PCP, val);
        setTci((int) ((v & 7) << 13) | Flow.VLAN_CFI, VLAN_PCP_MASK | Flow.VLAN_CFI);
    }

    private void vlanVid(String val) {
        long[] p = intPair(Field.VLAN_TCI, val);
        int m = (int) (p[1] & 0x1fff);
        usable &= m == 0 || m == 0x1fff ? FlowFormats.ANY : FlowFormats.NXM_OXM_ANY;
        int tci = value.vlanTci() & ~0x1fff | (int) (p[0] & m);
        value.setVlanTci(tci);
        mask.setVlanTci(m | (mask.vlanTci() & VLAN_PCP_MASK));
    }

    private void setTci(int bits, int bitsMask) {
        value.setVlanTci((value.vlanTci() & ~bitsMask) | bits);
        mask.setVlanTci(mask.vlanTci() | bitsMask);
    }

    /**
     * The finished match for a protocol: OpenFlow 1.0 matches lose what OF1.0 cannot say (a VLAN
     * matched as absent), then fields without their prerequisites are dropped with an INFO log.
     */
    public Match build(Protocol protocol) {
        if (Field.ETH_TYPE.get(value) == 0x86dd && (Field.NW_PROTO.get(mask) != 0 || Field.NW_TOS.get(mask) != 0
                || Field.TCP_SRC.get(mask) != 0 || Field.TCP_DST.get(mask) != 0)) {
            usable &= FlowFormats.NXM_OXM_ANY;
        }
        if (protocol == Protocol.OPENFLOW10 && !nxmOnly) {
            int m = mask.vlanTci();
            if ((m & Flow.VLAN_CFI) != 0 && (value.vlanTci() & Flow.VLAN_CFI) == 0) {
                value.setVlanTci(0);
                mask.setVlanTci(0xffff);
            }
        }
        Match before = Match.of(value.w, mask.w);
        Normalizer.normalize(value, mask);
        Match after = Match.of(value.w, mask.w);
        if (!after.equals(before)) {
            log.add(LogLine.info("ofp_match", "normalization changed ofp_match, details:"));
            log.add(LogLine.info("ofp_match", " pre: " + MatchText.format(before)));
            log.add(LogLine.info("ofp_match", "post: " + MatchText.format(after)));
        }
        decodes = MatchWire.decodes(after, protocol);
        return MatchWire.received(after, protocol);
    }

    /** False when the switch cannot decode the built match as sent ({@link MatchWire#decodes}). */
    public boolean decodes() {
        return decodes;
    }

    /** The protocols this match can be sent in ({@link FlowFormats} bits), as ovs-ofctl works it out. */
    public int usable() {
        return usable;
    }

    /** The match exactly as given, without normalisation (for learn specs and traces). */
    Flow value() {
        return value;
    }

    Flow mask() {
        return mask;
    }
}
