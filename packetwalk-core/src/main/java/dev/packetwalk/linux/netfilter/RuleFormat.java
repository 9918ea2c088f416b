package dev.packetwalk.linux.netfilter;

import dev.packetwalk.net.Ipv4;

/** Prints rules and chains the way "iptables -S" and iptables-save do. */
public final class RuleFormat {
    private RuleFormat() {
    }

    /** "-A CHAIN SPEC", with "-c P B" before the target when {@code counters}. */
    public static String appendRule(String chain, Rule rule, boolean counters) {
        StringBuilder sb = new StringBuilder("-A ").append(chain);
        if (counters) {
            appendSpec(sb, rule, rule.packets(), rule.bytes());
        } else {
            sb.append(rule.spec());
        }
        return sb.toString();
    }

    /** "-P CHAIN POLICY" (with "-c P B") or "-N CHAIN". */
    public static String declaration(Chain chain, boolean counters) {
        if (!chain.builtin()) {
            return "-N " + chain.name();
        }
        String s = "-P " + chain.name() + " " + chain.policy();
        return counters ? s + " -c " + chain.packets() + " " + chain.bytes() : s;
    }

    static void appendSpec(StringBuilder sb, Rule r, long packets, long bytes) {
        if (r.srcMask() != 0 || r.inverted(Rule.INV_SRC)) {
            sb.append(r.inverted(Rule.INV_SRC) ? " ! -s " : " -s ");
            appendNet(sb, r.src(), r.srcMask());
        }
        if (r.dstMask() != 0 || r.inverted(Rule.INV_DST)) {
            sb.append(r.inverted(Rule.INV_DST) ? " ! -d " : " -d ");
            appendNet(sb, r.dst(), r.dstMask());
        }
        if (r.in() != null) {
            sb.append(r.inverted(Rule.INV_IN) ? " ! -i " : " -i ").append(r.in());
        }
        if (r.out() != null) {
            sb.append(r.inverted(Rule.INV_OUT) ? " ! -o " : " -o ").append(r.out());
        }
        if (r.proto() != 0 || r.inverted(Rule.INV_PROTO)) {
            String name = Names.protocolName(r.proto());
            sb.append(r.inverted(Rule.INV_PROTO) ? " ! -p " : " -p ")
              .append(name != null ? name : Integer.toString(r.proto()));
        }
        for (Match m : r.matches()) {
            sb.append(" -m ").append(m.module());
            m.save(sb);
        }
        if (packets >= 0) {
            sb.append(" -c ").append(packets).append(' ').append(bytes);
        }
        Target t = r.target();
        if (t != null) {
            sb.append(t instanceof JumpTarget j && j.isGoto() ? " -g " : " -j ").append(t.name());
            t.save(sb);
        }
    }

    /** "a.b.c.d/len", or "a.b.c.d/m.m.m.m" for a mask that is not a prefix. */
    static void appendNet(StringBuilder sb, int addr, int mask) {
        Ipv4.appendTo(sb, addr);
        int len = Ipv4.prefixLengthOf(mask);
        sb.append('/');
        if (len >= 0) {
            sb.append(len);
        } else {
            Ipv4.appendTo(sb, mask);
        }
    }
}
