package dev.packetwalk.linux.route;

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

    /** The kernel's rule_exists comparison for NLM_F_EXCL (everything but nothing else). */
    boolean sameAs(PolicyRule o) {
        return equals(o);
    }
}
