package dev.packetwalk.linux.route;

import dev.packetwalk.linux.Errno;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IPv4 forwarding information base of one namespace: its routing tables and policy
 * rules. Until a rule is added or deleted the kernel keeps the local and main tables merged
 * and consults no rules; lookups here do the same, so results (and the table they report)
 * match the kernel's in both states.
 */
public final class Fib {
    private final Map<Integer, RouteTable> tables = new HashMap<>();
    private final PolicyRules rules = PolicyRules.withDefaults();
    private long tableSeq;
    private boolean customRules;
    private RouteTable local;
    private RouteTable main;

    public Fib() {
        local = table(RouteTables.LOCAL, true);
        main = table(RouteTables.MAIN, true);
    }

    /** The table with {@code id}, or null when no route was ever added to it. */
    public RouteTable table(int id) {
        return tables.get(id);
    }

    /** The table with {@code id}, created (as fib_new_table does) when {@code create}. */
    public RouteTable table(int id, boolean create) {
        RouteTable t = tables.get(id);
        if (t == null && create) {
            t = new RouteTable(id, tableSeq++);
            tables.put(id, t);
        }
        return t;
    }

    public RouteTable local() {
        return local;
    }

    public RouteTable main() {
        return main;
    }

    /** Grows whenever a table is created (lets rules cache their table references). */
    long tableSeq() {
        return tableSeq;
    }

    public PolicyRules rules() {
        return rules;
    }

    /** Adds a policy rule; from then on lookups go through the rules (fib_unmerge). */
    public PolicyRule addRule(PolicyRule rule, boolean hasPriority) {
        PolicyRule r = rules.add(rule, hasPriority);
        customRules = true;
        return r;
    }

    public PolicyRule deleteRule(RuleSelector sel) {
        PolicyRule r = rules.delete(sel);
        customRules = true;
        return r;
    }

    /** True once the rule list was changed (the kernel's fib_has_custom_rules). */
    public boolean hasCustomRules() {
        return customRules;
    }

    /**
     * The kernel's fib_lookup for an IPv4 flow. {@code iif} is the input device index (the
     * loopback's, 1, for locally generated traffic), {@code oif} the required output device
     * or 0. Returns null and fills {@code out}, or the error.
     */
    public Errno lookup(int daddr, int saddr, int iif, int oif, int mark, int tos, int flowScope,
                        FibResult out) {
        out.clear();
        if (customRules) {
            return rules.lookup(this, daddr, saddr, iif, oif, mark, tos, flowScope, out);
        }
        long todo = local.candidates(daddr) | main.candidates(daddr);
        while (todo != 0) {
            int len = 63 - Long.numberOfLeadingZeros(todo);
            todo &= ~(1L << len);
            Errno e = local.lookupLength(len, daddr, tos, flowScope, oif, out);
            if (e == RouteTable.MISS) {
                e = main.lookupLength(len, daddr, tos, flowScope, oif, out);
            }
            if (e != RouteTable.MISS) {
                out.table = RouteTables.MAIN;
                return e == Errno.EAGAIN ? Errno.ENETUNREACH : e;
            }
        }
        return Errno.ENETUNREACH;
    }

    /**
     * Tables in the order {@code ip route show table all} dumps them: by the kernel's table
     * hash bucket (id mod 256), newest first within a bucket.
     */
    public List<RouteTable> tablesInDumpOrder() {
        List<RouteTable> list = new ArrayList<>(tables.values());
        list.sort(Comparator.<RouteTable>comparingInt(t -> t.id() & 0xff)
                .thenComparing(Comparator.comparingLong(RouteTable::createdSeq).reversed()));
        return list;
    }
}
