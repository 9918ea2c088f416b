package dev.packetwalk.ovs.flow;

import dev.packetwalk.net.Ipv6;
import java.util.List;
import java.util.OptionalInt;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

/**
 * Accumulates match items ({@code key=value}) into a value/mask pair the way {@code ovs-ofctl}
 * does, then normalises (drops fields whose prerequisites are missing, with OVS's INFO log).
 * Each text item parses its value and calls a typed entry ({@link #value}, {@link #dlVlan} ...)
 * that {@link MatchFields} calls directly, so the text and typed paths build equal matches.
 */
public final class MatchBuilder {
    private static final int VLAN_PCP_MASK = 0xe000;
    private static final long MAC_ONES = 0xffff_ffff_ffffL;

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
        Shorthand s = Shorthand.byKeyword(key);
        if (s != null) {
            shorthand(s);
            return true;
        }
        switch (key) {
            case "tp_src" -> transport(Field.TCP_SRC, val);
            case "tp_dst" -> transport(Field.TCP_DST, val);
            case "dl_vlan" -> dlVlan(parseInt(Field.VLAN_TCI, val));
            case "dl_vlan_pcp", "vlan_pcp" -> vlanPcp(parseInt(Field.DL_VLAN_PCP, val));
            case "vlan_vid" -> {
                int slash = val.indexOf('/');
                long[] p = intPair(Field.VLAN_TCI, val, slash);
                vlanVid(p[0], p[1], slash >= 0);
            }
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

    /** The text of {@code FIELD=VALUE[/MASK]}, parsed in the field's format, then {@link #value}. */
    private void field(Field f, String val) {
        int slash = val.indexOf('/');
        switch (f.format()) {
            case MAC -> {
                long v = MacAddress.parseBits(slash < 0 ? val : val.substring(0, slash));
                long m = slash < 0 ? MAC_ONES : MacAddress.parseBits(val.substring(slash + 1));
                if (v < 0 || m < 0) {
                    throw new FlowSyntaxException(val + ": invalid Ethernet address");
                }
                value(f, v, m, slash >= 0);
            }
            case IPV4 -> value(f, parseIpv4(val, slash), ipv4Mask(val, slash), slash >= 0);
            case IPV6 -> ipv6(f, val, slash);
            case PORT -> {
                int p = parsePort(val, ports, log);
                if (p < 0) {
                    throw new FlowSyntaxException(val + ": invalid or unknown port for " + f.ovsName());
                }
                value(f, p, Bits.ones(f.storedBits()), false);
            }
            case CT_STATE -> flagsText(f, val, ValueText.parseCtState(val), "unknown ct_state flag(s)");
            case TCP_FLAGS -> flagsText(f, val, ValueText.parseTcpFlags(val), "unknown TCP flag(s)");
            case FRAG -> {
                long[] p = fragText(val);
                value(f, p[0], p[1], true);
            }
            case TUN_FLAGS -> flagsText(f, val, val.equals("+oam") || val.equals("oam") ? new long[] {1, 1}
                    : val.equals("-oam") ? new long[] {0, 1} : null, "unknown tunnel flag(s)");
            default -> {
                long[] p = intPair(f, val, slash);
                value(f, p[0], p[1], slash >= 0);
            }
        }
    }

    // ---- typed items: each is what one text item does once its value is parsed ----------

    /**
     * {@code FIELD=VALUE[/MASK]} with the value parsed: {@code masked} says a mask was written.
     * Fields of the {@code dl_vlan}/{@code vlan_vid}/{@code vlan_pcp} family and IPv6 addresses
     * have their own entries ({@link #dlVlan}, {@link #vlanVid}, {@link #vlanPcp}, {@link #ipv6}).
     */
    void value(Field f, long v, long m, boolean masked) {
        switch (f.format()) {
            case MAC -> mac(f, v, m);
            case IPV4 -> ipv4(f, v, m);
            case PORT -> put(f, v, m);
            case CT_STATE, TCP_FLAGS, TUN_FLAGS, FRAG -> {
                usable &= FlowFormats.field(f, m);
                put(f, v, m);
            }
            default -> integer(f, v, m, masked);
        }
        noteField(f);
    }

    /** A protocol shorthand ({@code ip}, {@code tcp}, {@code arp} ...). */
    void shorthand(Shorthand s) {
        s.applyTo(value, mask);
    }

    /** {@code tp_src}/{@code tp_dst}: the OpenFlow 1.0 names of the L4 ports (whatever the protocol). */
    void transport(Field f, long v, long m, boolean masked) {
        integer(f, v, m, masked);
    }

    private void transport(Field f, String val) {
        int slash = val.indexOf('/');
        long[] p = intPair(f, val, slash);
        transport(f, p[0], p[1], slash >= 0);
    }

    /** An IPv6 address field with its mask (high and low 64 bits of each). */
    void ipv6(Field f, long vh, long vl, long mh, long ml) {
        f.setHigh(value, vh & mh);
        f.setHigh(mask, mh);
        f.set(value, vl & ml);
        f.set(mask, ml);
        nxmOnly = true;
        usable &= FlowFormats.field(f, mh | ml);
        noteField(f);
    }

    /** {@code dl_vlan=N}: a VLAN header with VID N, or (N = 0xffff) no VLAN header. */
    void dlVlan(long v) {
        if (v == 0xffff) {
            Field.VLAN_TCI.set(value, 0);
            Field.VLAN_TCI.set(mask, 0xffff);
            return;
        }
        setTci((int) (v & 0xfff) | Flow.VLAN_CFI, 0x1fff);
    }

    /** {@code dl_vlan_pcp=N}: a VLAN header with priority N. */
    void vlanPcp(long v) {
        setTci((int) ((v & 7) << 13) | Flow.VLAN_CFI, VLAN_PCP_MASK | Flow.VLAN_CFI);
    }

    /** {@code vlan_vid=V[/M]}: the VID and present bits of the TCI. */
    void vlanVid(long v, long m, boolean masked) {
        if (masked) {
            nxmOnly = true;
        }
        int vm = (int) (m & 0x1fff);
        usable &= vm == 0 || vm == 0x1fff ? FlowFormats.ANY : FlowFormats.NXM_OXM_ANY;
        int tci = value.vlanTci() & ~0x1fff | (int) (v & vm);
        value.setVlanTci(tci);
        mask.setVlanTci(vm | (mask.vlanTci() & VLAN_PCP_MASK));
    }

    /** Fields OpenFlow 1.0 cannot match without the Nicira extensions. */
    private void noteField(Field f) {
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

    private long[] intPair(Field f, String val, int slash) {
        String vs = slash < 0 ? val : val.substring(0, slash);
        long v = parseInt(f, vs);
        long m = slash < 0 ? Bits.ones(f.width()) : parseInt(f, val.substring(slash + 1));
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

    private void integer(Field f, long v, long m, boolean masked) {
        if (masked) {
            nxmOnly = true;
        }
        usable &= FlowFormats.field(f, m);
        long valid = f == Field.NW_TOS ? 0xfc : Bits.ones(Math.min(f.width(), f.storedBits()));
        put(f, v, m & valid);
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

    private void mac(Field f, long v, long m) {
        if (m != MAC_ONES) {
            nxmOnly = true;
        }
        usable &= FlowFormats.field(f, m);
        put(f, v, m);
    }

    private void ipv4(Field f, long v, long m) {
        if (Ipv4.prefixLengthOf((int) m) < 0) {
            nxmOnly = true;
        }
        usable &= FlowFormats.field(f, m);
        put(f, v, m);
    }

    private static long parseIpv4(String val, int slash) {
        long v = Ipv4.parseOrMinusOne(slash < 0 ? val : val.substring(0, slash));
        if (v < 0) {
            throw new FlowSyntaxException(val + ": invalid IP address");
        }
        return v;
    }

    private static long ipv4Mask(String val, int slash) {
        if (slash < 0) {
            return 0xffffffffL;
        }
        String ms = val.substring(slash + 1);
        long dotted = Ipv4.parseOrMinusOne(ms);
        if (dotted >= 0) {
            return dotted;
        }
        int bits;
        try {
            bits = Integer.parseInt(ms);
        } catch (NumberFormatException e) {
            throw new FlowSyntaxException(val + ": invalid IP address");
        }
        if (bits < 0 || bits > 32) {
            throw new FlowSyntaxException(val + ": IPv4 network prefix bits not between 0 and 32, inclusive");
        }
        return Ipv4.maskOf(bits) & 0xffffffffL;
    }

    private void ipv6(Field f, String val, int slash) {
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
        ipv6(f, v[0], v[1], m[0], m[1]);
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

    private void flagsText(Field f, String val, long[] p, String error) {
        if (p == null) {
            String bad = val.replaceFirst("^[+-]", "");
            throw new FlowSyntaxException(bad + ": " + error);
        }
        value(f, p[0], p[1], true);
    }

    private static long[] fragText(String val) {
        return switch (val) {
            case "no" -> new long[] {0, 3};
            case "yes" -> new long[] {1, 1};
            case "first" -> new long[] {1, 3};
            case "later" -> new long[] {3, 3};
            case "not_later" -> new long[] {0, 2};
            default -> throw new FlowSyntaxException(val + ": unknown fragment type (valid types are \"no\", "
                    + "\"yes\", \"first\", \"later\", \"not_later\"");
        };
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
