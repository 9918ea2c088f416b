package dev.packetwalk.ovs.flowmod;

import java.util.List;
import java.util.Set;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.Protocol;

/**
 * One flow as {@code ovs-ofctl add-flow} sends it: table 0..253 (255 on input becomes 0),
 * priority 0..65535 (default 32768), cookie, timeouts in seconds (0 = none), importance, flags,
 * the match and the actions (empty = drop), and the protocol it was written in (dumps differ).
 */
public record FlowMod(int table, int priority, long cookie, int idleTimeout, int hardTimeout,
        int importance, Set<FlowModFlag> flags, Match match, List<Action> actions, Protocol protocol) {
    public static final int DEFAULT_PRIORITY = 32768;

    /**
     * A typed flow add as an agent sends it (OpenFlow 1.3 unless told otherwise):
     * {@code FlowMod.builder().table(0).priority(9).match(m).actions(new Action.GotoTable(25)).build()}.
     */
    public static FlowModBuilder builder() {
        return new FlowModBuilder();
    }

    public FlowMod {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        actions = List.copyOf(actions);
    }
}
