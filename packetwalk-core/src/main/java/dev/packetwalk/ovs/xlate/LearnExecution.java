package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.action.Learn;
import dev.packetwalk.ovs.action.LearnSpec;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flow.Subfield;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.flowmod.FlowModFlag;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.FlowMods;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Executes {@code learn(...)} on a packet (ovs.md §3.6): builds the flow from the specs and
 * installs it as a strict modify-or-add keyed by (table, match, priority) through
 * {@link FlowMods#learn}; a refresh replaces the actions and restarts the hard timer, keeping the
 * counters.
 */
public final class LearnExecution {
    private LearnExecution() {
    }

    /** The flow {@code learn} builds from {@code flow}. */
    public static FlowMod build(Learn learn, Flow flow) {
        Flow value = new Flow();
        Flow mask = new Flow();
        List<Action> actions = new ArrayList<>();
        for (LearnSpec spec : learn.specs()) {
            long v = spec.isImmediate() ? spec.value() : spec.src().get(flow);
            switch (spec.kind()) {
                case MATCH -> {
                    Subfield dst = spec.dst();
                    dst.set(value, v);
                    dst.set(mask, -1L);
                }
                case LOAD -> actions.add(new Action.Load(spec.dst(), v));
                case OUTPUT -> actions.add(Action.Output.to((int) v));
            }
        }
        long[] vw = new long[Flow.N_WORDS];
        long[] mw = new long[Flow.N_WORDS];
        for (int i = 0; i < Flow.N_WORDS; i++) {
            vw[i] = value.word(i);
            mw[i] = mask.word(i);
        }
        if (learn.finIdleTimeout() != 0 || learn.finHardTimeout() != 0) {
            actions.add(0, new Action.FinTimeout(learn.finIdleTimeout(), learn.finHardTimeout()));
        }
        Set<FlowModFlag> flags = learn.sendFlowRem() ? Set.of(FlowModFlag.SEND_FLOW_REM) : Set.of();
        return new FlowMod(learn.table(), learn.priority(), learn.cookie(), learn.idleTimeout(), learn.hardTimeout(),
                0, flags, Match.of(vw, mw), actions, Protocol.OPENFLOW10);
    }

    /**
     * Builds the learned flow and installs it in {@code bridge} through the flow-mod code
     * ({@link FlowMods#learn}), so it expires and shows in cookie selections; returns it.
     */
    public static FlowMod execute(Learn learn, Flow flow, Bridge bridge) {
        FlowMod mod = build(learn, flow);
        FlowMods.learn(bridge, mod);
        return mod;
    }
}
