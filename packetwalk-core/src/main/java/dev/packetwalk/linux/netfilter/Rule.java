package dev.packetwalk.linux.netfilter;

import java.util.List;

/**
 * One rule: the fixed IPv4 header tests (addresses with masks, devices, protocol, each
 * invertible), the match extensions in order, and the target (null when the rule has none).
 * The specification is immutable; only the packet and byte counters change.
 */
public final class Rule {
    public static final int INV_SRC = 1;
    public static final int INV_DST = 2;
    public static final int INV_IN = 4;
    public static final int INV_OUT = 8;
    public static final int INV_PROTO = 16;

    private final int src;
    private final int srcMask;
    private final int dst;
    private final int dstMask;
    private final String in;
    private final String out;
    private final int proto;
    private final int inverted;
    private final Match[] matches;
    /** The matches that test something (comments do not), in order. */
    private final Match[] tests;
    private final Target target;
    private final String spec;
    private long packets;
    private long bytes;

    Rule(int src, int srcMask, int dst, int dstMask, String in, String out, int proto, int inverted,
         List<Match> matches, Target target) {
        this.src = src & srcMask;
        this.srcMask = srcMask;
        this.dst = dst & dstMask;
        this.dstMask = dstMask;
        this.in = in == null ? null : in.intern();
        this.out = out == null ? null : out.intern();
        this.proto = proto;
        this.inverted = inverted;
        this.matches = matches.toArray(new Match[0]);
        this.tests = matches.stream().filter(m -> !(m instanceof CommentMatch)).toArray(Match[]::new);
        this.target = target;
        StringBuilder sb = new StringBuilder();
        RuleFormat.appendSpec(sb, this, -1, -1);
        this.spec = sb.toString();
    }

    /** A builder for a rule made of typed parts (the parser uses it too). */
    public static RuleBuilder builder() {
        return new RuleBuilder();
    }

    public int src() {
        return src;
    }

    public int srcMask() {
        return srcMask;
    }

    public int dst() {
        return dst;
    }

    public int dstMask() {
        return dstMask;
    }

    /** The in device pattern, or null. */
    public String in() {
        return in;
    }

    public String out() {
        return out;
    }

    /** The protocol number, 0 for all. */
    public int proto() {
        return proto;
    }

    public boolean inverted(int flag) {
        return (inverted & flag) != 0;
    }

    public List<Match> matches() {
        return List.of(matches);
    }

    /** The target, or null for a rule that only counts. */
    public Target target() {
        return target;
    }

    /** The rule as iptables-save prints it after "-A CHAIN", without counters. */
    public String spec() {
        return spec;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    public void setCounters(long packetCount, long byteCount) {
        this.packets = packetCount;
        this.bytes = byteCount;
    }

    public void count(int length) {
        packets++;
        bytes += length;
    }

    /** True when the rule matches every packet (no header test, no match that tests anything). */
    boolean matchesAll() {
        return proto == 0 && srcMask == 0 && dstMask == 0 && in == null && out == null && tests.length == 0
                && (inverted & (INV_SRC | INV_DST)) == 0;
    }

    /** Tests the header fields and every match; allocation-free. */
    public boolean test(Packet p, MatchEnv env) {
        if (proto != 0 && (p.proto() == proto) == ((inverted & INV_PROTO) != 0)) {
            return false;
        }
        if ((((p.src() & srcMask) == src) == ((inverted & INV_SRC) != 0))
                || (((p.dst() & dstMask) == dst) == ((inverted & INV_DST) != 0))) {
            return false;
        }
        return testBeyondHeader(p, env);
    }

    /** The inversion flags (INV_*). */
    int invertFlags() {
        return inverted;
    }

    /** True when addresses and protocol are all the rule tests (no device, no match). */
    boolean headerOnly() {
        return in == null && out == null && tests.length == 0;
    }

    /**
     * For a rule whose only test beyond the header is one exact physdev port: what remains once a
     * dispatch by that port matched (see {@link PhysdevMatch#residueAfterDispatch}), else -1.
     */
    int physdevResidue() {
        return in == null && out == null && tests.length == 1 && tests[0] instanceof PhysdevMatch p
                ? p.residueAfterDispatch() : -1;
    }

    /** The device and match tests, for a packet whose addresses and protocol already matched. */
    boolean testBeyondHeader(Packet p, MatchEnv env) {
        if (in != null && Interfaces.matches(in, p.in()) == ((inverted & INV_IN) != 0)) {
            return false;
        }
        if (out != null && Interfaces.matches(out, p.out()) == ((inverted & INV_OUT) != 0)) {
            return false;
        }
        for (Match m : tests) {
            if (!m.test(p, env)) {
                return false;
            }
        }
        return true;
    }

    /** A copy with the same specification and counters (for atomic table replacement). */
    Rule copy() {
        Rule r = new Rule(src, srcMask, dst, dstMask, in, out, proto, inverted, List.of(matches), target);
        r.setCounters(packets, bytes);
        return r;
    }
}
