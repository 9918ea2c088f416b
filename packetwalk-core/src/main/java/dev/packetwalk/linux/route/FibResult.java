package dev.packetwalk.linux.route;

/** Where a lookup writes its answer; callers reuse one to keep lookups allocation-free. */
public final class FibResult {
    Route route;
    int table;
    PolicyRule rule;

    public Route route() {
        return route;
    }

    /** The table the route was found in, as the kernel reports it (main for merged lookups). */
    public int table() {
        return table;
    }

    /** The policy rule that selected the table, or null when rules were not consulted. */
    public PolicyRule rule() {
        return rule;
    }

    void clear() {
        route = null;
        table = 0;
        rule = null;
    }
}
