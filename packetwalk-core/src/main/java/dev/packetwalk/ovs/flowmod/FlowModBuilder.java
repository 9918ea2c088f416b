package dev.packetwalk.ovs.flowmod;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.action.ActionContext;
import dev.packetwalk.ovs.action.ActionText;
import dev.packetwalk.ovs.flow.FlowFormats;
import dev.packetwalk.ovs.flow.LogLine;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.MatchWire;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;

/**
 * A flow add as an agent sends it on its own OpenFlow connection, by default in OpenFlow 1.3
 * as Neutron's native driver ({@code of_interface=native}) does: {@link #build} gives the
 * {@link FlowMod} the switch keeps, checked and carried over the wire exactly as the same flow
 * added with {@code ovs-ofctl -O OpenFlow13 add-flow}, so dumps print it as real OVS does
 * ({@code goto_table} as {@code resubmit(,N)} in an OpenFlow 1.0 dump, and so on).
 */
public final class FlowModBuilder {
    private static final int MAX_TABLE = 253;
    private static final int MAX_U16 = 0xffff;

    private int table;
    private int priority = FlowMod.DEFAULT_PRIORITY;
    private long cookie;
    private int idleTimeout;
    private int hardTimeout;
    private int importance;
    private final Set<FlowModFlag> flags = EnumSet.noneOf(FlowModFlag.class);
    private Match match = Match.CATCH_ALL;
    private List<Action> actions = List.of();
    private Protocol protocol = Protocol.OPENFLOW13;

    FlowModBuilder() {
    }

    /** The table, 0..253 (254 is OVS's read-only internal table); 0 when not given. */
    public FlowModBuilder table(int id) {
        table = range(id, MAX_TABLE, "table");
        return this;
    }

    /** 0..65535; 32768 when not given. */
    public FlowModBuilder priority(int value) {
        priority = range(value, MAX_U16, "priority");
        return this;
    }

    public FlowModBuilder cookie(long value) {
        cookie = value;
        return this;
    }

    /** Seconds, 0..65535 (0: none). */
    public FlowModBuilder idleTimeout(int seconds) {
        idleTimeout = range(seconds, MAX_U16, "idle_timeout");
        return this;
    }

    /** Seconds, 0..65535 (0: none). */
    public FlowModBuilder hardTimeout(int seconds) {
        hardTimeout = range(seconds, MAX_U16, "hard_timeout");
        return this;
    }

    /** 0..65535. */
    public FlowModBuilder importance(int value) {
        importance = range(value, MAX_U16, "importance");
        return this;
    }

    public FlowModBuilder flag(FlowModFlag flag) {
        flags.add(java.util.Objects.requireNonNull(flag, "flag"));
        return this;
    }

    /** The match; every packet when not given. */
    public FlowModBuilder match(Match value) {
        match = java.util.Objects.requireNonNull(value, "match");
        return this;
    }

    /** Actions and instructions in order ({@code goto_table} last); none means drop. */
    public FlowModBuilder actions(Action... list) {
        return actions(List.of(list));
    }

    public FlowModBuilder actions(List<Action> list) {
        actions = List.copyOf(list);
        return this;
    }

    /** The OpenFlow version the flow is sent in; OpenFlow 1.3 when not given. */
    public FlowModBuilder protocol(Protocol value) {
        protocol = java.util.Objects.requireNonNull(value, "protocol");
        return this;
    }

    /**
     * The flow as the switch keeps it.
     *
     * @throws dev.packetwalk.ovs.flow.FlowSyntaxException with ovs-ofctl's (or the switch's)
     *     message when the actions do not suit the match or cannot be sent in the protocol
     */
    public FlowMod build() {
        List<LogLine> log = new ArrayList<>(0);
        boolean decodes = MatchWire.decodes(match, protocol);
        Match received = MatchWire.received(match, protocol);
        ActionContext ctx = new ActionContext(protocol, PortNames.NONE, received, table, log);
        List<Action> checked = ActionText.checked(actions, ctx);
        int usable = table == 0 ? FlowFormats.ANY : FlowFormats.TID;
        for (FlowModFlag f : flags) {
            usable &= f.usable();
        }
        usable &= ActionText.usableFormats(checked, received);
        return FlowModText.sent(FlowModCommand.ADD, new FlowMod(table, priority, cookie, idleTimeout, hardTimeout,
                importance, flags, received, checked, protocol), usable, decodes, ctx);
    }

    private static int range(int v, int max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " " + v + " is out of range 0.." + max);
        }
        return v;
    }
}
