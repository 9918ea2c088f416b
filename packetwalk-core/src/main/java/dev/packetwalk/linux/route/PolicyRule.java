package dev.packetwalk.linux.route;

import dev.packetwalk.net.Ipv4;

/**
 * One IPv4 policy routing rule ({@code ip rule}): its priority, selectors (source and
 * destination prefixes, TOS, fwmark/mask, input and output device names, inversion) and its
 * action (look up a table, go to another priority, or reject). Priorities and table ids are
 * unsigned 32-bit values held in ints.
 */
public record PolicyRule(int priority, boolean invert, int src, int srcLength, int dst,
                         int dstLength, int tos, int fwmark, int fwmask, String iif, String oif,
                         RuleAction action, int table, int gotoTarget) {

    public PolicyRule {
        if (srcLength < 0 || srcLength > 32 || dstLength < 0 || dstLength > 32) {
            throw new IllegalArgumentException("invalid prefix length");
        }
        if (action == null) {
            throw new IllegalArgumentException("rule action is required");
        }
    }

    /** {@code from all lookup TABLE} at {@code priority}: the shape of the three defaults. */
    public static PolicyRule lookupAll(int priority, int table) {
        return new PolicyRule(priority, false, 0, 0, 0, 0, 0, 0, 0, null, null,
                RuleAction.LOOKUP, table, 0);
    }

    /** The same rule at another priority. */
    public PolicyRule withPriority(int newPriority) {
        return new PolicyRule(newPriority, invert, src, srcLength, dst, dstLength, tos, fwmark,
                fwmask, iif, oif, action, table, gotoTarget);
    }

    /**
     * The kernel's fib_rule_match for an IPv4 flow; device indexes are resolved by the caller
     * (0: the rule names no device, -1: it names one that does not exist).
     */
    boolean matches(int iifIndex, int oifIndex, int daddr, int saddr, int flowIif, int flowOif,
                    int mark, int flowTos) {
        boolean ok = (iifIndex == 0 || iifIndex == flowIif)
                && (oifIndex == 0 || oifIndex == flowOif)
                && ((fwmark ^ mark) & fwmask) == 0
                && ((src ^ saddr) & Ipv4.maskOf(srcLength)) == 0
                && ((dst ^ daddr) & Ipv4.maskOf(dstLength)) == 0
                && (tos == 0 || tos == flowTos);
        return ok != invert;
    }

    /** The kernel's rule_exists comparison for NLM_F_EXCL (everything but nothing else). */
    boolean sameAs(PolicyRule o) {
        return equals(o);
    }
}
