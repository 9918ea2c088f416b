package dev.packetwalk.ovs.flowmod;

import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.OfPort;

/**
 * The flow selector of {@code dump-flows}, {@code del-flows} and {@code mod-flows}: table
 * ({@link #ALL_TABLES} = any), cookie under cookieMask (mask 0 = any cookie), the match
 * (non-strict: flows whose match is a subset; strict: equal match and priority), the priority
 * ({@link #NO_PRIORITY} when not given) and {@code out_port} ({@link #ANY_PORT} when not given).
 */
public record FlowFilter(int table, long cookie, long cookieMask, Match match, int priority, boolean strict,
        int outPort) {
    public static final int ALL_TABLES = 255;
    public static final int NO_PRIORITY = -1;
    /** {@code out_port} not given: flows are selected whatever they output to. */
    public static final int ANY_PORT = OfPort.NONE;

    public static final FlowFilter ALL = new FlowFilter(ALL_TABLES, 0, 0, Match.CATCH_ALL, NO_PRIORITY, false);

    public FlowFilter(int table, long cookie, long cookieMask, Match match, int priority, boolean strict) {
        this(table, cookie, cookieMask, match, priority, strict, ANY_PORT);
    }

    public boolean cookieMatches(long flowCookie) {
        return (flowCookie & cookieMask) == (cookie & cookieMask);
    }

    public boolean tableMatches(int flowTable) {
        return table == ALL_TABLES || table == flowTable;
    }
}
