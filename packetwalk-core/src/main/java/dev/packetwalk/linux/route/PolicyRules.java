package dev.packetwalk.linux.route;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The IPv4 policy rule list of one namespace, in priority order (equal priorities in the
 * order they were added), with device names and goto targets resolved for fast matching.
 */
public final class PolicyRules {
    private PolicyRule[] rules = new PolicyRule[0];
    private int[] iifIndex = new int[0];
    private int[] oifIndex = new int[0];
    private int[] gotoIndex = new int[0];
    /** Per rule, its selectors as masks and values (the rule list changes rarely, lookups often). */
    private int[] srcMask = new int[0];
    private int[] dstMask = new int[0];
    private ToIntFunction<String> deviceIndex = name -> -1;

    /** The three rules a new namespace starts with: 0 local, 32766 main, 32767 default. */
    public static PolicyRules withDefaults() {
        PolicyRules r = new PolicyRules();
        r.rules = new PolicyRule[] {
            PolicyRule.lookupAll(0, RouteTables.LOCAL),
            PolicyRule.lookupAll(32766, RouteTables.MAIN),
            PolicyRule.lookupAll(32767, RouteTables.DEFAULT)};
        r.reindex();
        return r;
    }

    public List<PolicyRule> rules() {
        return List.of(rules);
    }

    /** The priority the kernel gives a rule added without one (fib_default_rule_pref). */
    public int defaultPriority() {
        if (rules.length >= 2 && rules[1].priority() != 0) {
            return rules[1].priority() - 1;
        }
        return 0;
    }

    /**
     * Adds a rule, as {@code ip rule add} (NLM_F_EXCL) does; {@code rule.priority()} is used
     * only when {@code hasPriority}. Returns the rule as stored.
     */
    public PolicyRule add(PolicyRule rule, boolean hasPriority) {
        PolicyRule r = hasPriority ? rule : rule.withPriority(defaultPriority());
        if (r.action() == RuleAction.GOTO
                && Integer.compareUnsigned(r.gotoTarget(), r.priority()) <= 0) {
            throw new NetlinkException(Errno.EINVAL, "Backward goto not supported");
        }
        int at = 0;
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].sameAs(r)) {
                throw new NetlinkException(Errno.EEXIST);
            }
            if (Integer.compareUnsigned(rules[i].priority(), r.priority()) <= 0) {
                at = i + 1;
            }
        }
        PolicyRule[] grown = new PolicyRule[rules.length + 1];
        System.arraycopy(rules, 0, grown, 0, at);
        grown[at] = r;
        System.arraycopy(rules, at, grown, at + 1, rules.length - at);
        rules = grown;
        reindex();
        return r;
    }

    /** Deletes the first rule the selector names; ENOENT when there is none. */
    public PolicyRule delete(RuleSelector sel) {
        for (int i = 0; i < rules.length; i++) {
            if (sel.matches(rules[i])) {
                PolicyRule gone = rules[i];
                PolicyRule[] shrunk = new PolicyRule[rules.length - 1];
                System.arraycopy(rules, 0, shrunk, 0, i);
                System.arraycopy(rules, i + 1, shrunk, i, rules.length - i - 1);
                rules = shrunk;
                reindex();
                return gone;
            }
        }
        throw new NetlinkException(Errno.ENOENT);
    }

    /** Re-resolves device names (after links change); -1 for a name with no device. */
    public void resolveDevices(ToIntFunction<String> indexOfName) {
        this.deviceIndex = indexOfName;
        reindex();
    }

    /** True when the rule names a device that does not exist ({@code [detached]}). */
    public boolean detached(String deviceName) {
        return deviceName != null && deviceIndex.applyAsInt(deviceName) < 0;
    }

    /** True when a goto rule's target priority has no rule ({@code [unresolved]}). */
    public boolean unresolved(PolicyRule rule) {
        for (PolicyRule r : rules) {
            if (r.priority() == rule.gotoTarget()) {
                return false;
            }
        }
        return true;
    }

    private RouteTable[] tableRefs = new RouteTable[0];
    private Fib refsFib;
    private long refsSeq = -1;

    private void reindex() {
        refsFib = null;
        int n = rules.length;
        iifIndex = new int[n];
        oifIndex = new int[n];
        gotoIndex = new int[n];
        srcMask = new int[n];
        dstMask = new int[n];
        Arrays.fill(gotoIndex, -1);
        for (int i = 0; i < n; i++) {
            srcMask[i] = Ipv4.maskOf(rules[i].srcLength());
            dstMask[i] = Ipv4.maskOf(rules[i].dstLength());
            iifIndex[i] = rules[i].iif() == null ? 0 : deviceIndex.applyAsInt(rules[i].iif());
            oifIndex[i] = rules[i].oif() == null ? 0 : deviceIndex.applyAsInt(rules[i].oif());
            if (rules[i].action() == RuleAction.GOTO) {
                for (int j = 0; j < n; j++) {
                    if (rules[j].priority() == rules[i].gotoTarget()) {
                        gotoIndex[i] = j;
                        break;
                    }
                }
            }
        }
    }

    /**
     * The kernel's fib_rules_lookup over {@code tables}: the first matching rule whose action
     * gives an answer. Returns null with {@code out} filled, or the error (ENETUNREACH when
     * no rule answers).
     */
    Errno lookup(Fib tables, int daddr, int saddr, int iif, int oif, int mark, int tos,
                 int flowScope, FibResult out) {
        PolicyRule[] rs = rules;
        for (int i = 0; i < rs.length; i++) {
            PolicyRule r = rs[i];
            // fib_rule_match; device indexes resolved (0: no device named, -1: one that does not exist).
            boolean hit = (iifIndex[i] == 0 || iifIndex[i] == iif)
                    && (oifIndex[i] == 0 || oifIndex[i] == oif)
                    && ((r.fwmark() ^ mark) & r.fwmask()) == 0
                    && ((r.src() ^ saddr) & srcMask[i]) == 0
                    && ((r.dst() ^ daddr) & dstMask[i]) == 0
                    && (r.tos() == 0 || r.tos() == tos);
            if (hit == r.invert()) {
                continue;
            }
            if (r.action() == RuleAction.GOTO) {
                if (gotoIndex[i] >= 0) {
                    i = gotoIndex[i] - 1;
                }
                continue;
            }
            if (r.action() == RuleAction.NOP) {
                continue;
            }
            if (r.action().error() != null) {
                return r.action().error();
            }
            RouteTable t = tableOf(tables, i);
            Errno e = t == null ? Errno.EAGAIN
                    : t.lookup(daddr, tos, flowScope, oif, out);
            if (e != Errno.EAGAIN) {
                if (e == null) {
                    out.rule = r;
                }
                return e;
            }
        }
        return Errno.ENETUNREACH;
    }

    /** The table rule {@code i} looks up, from a cache renewed when tables or rules change. */
    private RouteTable tableOf(Fib fib, int i) {
        if (refsFib != fib || refsSeq != fib.tableSeq() || tableRefs.length != rules.length) {
            RouteTable[] refs = new RouteTable[rules.length];
            for (int j = 0; j < refs.length; j++) {
                refs[j] = fib.table(rules[j].table());
            }
            tableRefs = refs;
            refsFib = fib;
            refsSeq = fib.tableSeq();
        }
        return tableRefs[i];
    }

    @Override
    public String toString() {
        return new ArrayList<>(List.of(rules)).toString();
    }
}
