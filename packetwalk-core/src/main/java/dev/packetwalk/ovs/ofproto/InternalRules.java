package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.MatchText;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowMod;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hidden rules ovs-vswitchd puts in its read-only table 254 when it creates a bridge, in
 * its order: the table-miss rules selected by reg0 (1 = send to the controller, 2 = drop
 * without packet-in, 3 = drop fragments) and the guard against non-recirculated lookups.
 * They show in {@code dump-flows br table=254} and in {@code cookie=0/-1} dumps.
 */
final class InternalRules {
    static final int TABLE = 254;

    private InternalRules() {
    }

    static List<FlowMod> all() {
        Action miss = new Action.Controller(65535, "", 0, null, false, Action.Controller.NO_METER);
        return List.of(rule("reg0=0x1", 0, List.of(miss)), rule("reg0=0x2", 0, List.of()),
                rule("reg0=0x3", 0, List.of()), rule("recirc_id=0", 2, List.of()));
    }

    private static FlowMod rule(String match, int priority, List<Action> actions) {
        Match m = MatchText.parse(match, Protocol.OPENFLOW10, PortNames.NONE, new ArrayList<>());
        return new FlowMod(TABLE, priority, 0, 0, 0, 0, Set.of(), m, actions, Protocol.OPENFLOW10);
    }
}
