package dev.packetwalk.linux.route;

/**
 * What {@code ip rule del} names, compared as the kernel's rule_find does: only the fields
 * given take part (priority is given when {@code hasPriority}).
 */
public record RuleSelector(boolean hasPriority, int priority, RuleAction action, int table,
                           int src, int srcLength, int dst, int dstLength, int tos, int fwmark,
                           int fwmask, String iif, String oif) {

    boolean matches(PolicyRule r) {
        return (action == null || r.action() == action)
                && (table == 0 || r.table() == table)
                && (!hasPriority || r.priority() == priority)
                && (iif == null || iif.equals(r.iif()))
                && (oif == null || oif.equals(r.oif()))
                && (fwmark == 0 || r.fwmark() == fwmark)
                && (fwmask == 0 || r.fwmask() == fwmask)
                && (srcLength == 0 || (r.srcLength() == srcLength && r.src() == src))
                && (dstLength == 0 || (r.dstLength() == dstLength && r.dst() == dst))
                && (tos == 0 || r.tos() == tos);
    }
}
