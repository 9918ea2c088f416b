package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.flow.Flow;

import java.util.List;

/**
 * What one translation pass did: the flow it started from and ended with, the step tree, the
 * datapath actions, the wildcard mask it consulted (for {@code Megaflow:}), an abort reason
 * (null when it completed) and the conntrack continuations it queued.
 *
 * @param ctState the ct_state a continuation resumed with (0 for the first pass)
 * @param defaultCtState true when that ct_state was the default trk|new
 * @param slowPath true when the datapath cannot run an action (the flow is handled in userspace)
 */
public record TraceResult(String bridge, Flow flow, Flow finalFlow, TraceNode steps, List<OdpAction> actions,
                          Flow wildcards, Step.Failure failure, int recircId, int ctState, boolean defaultCtState,
                          boolean slowPath, List<TraceResult> continuations) {
    public TraceResult {
        actions = List.copyOf(actions);
        continuations = List.copyOf(continuations);
    }

    /** Every output port the packet left by, as (bridge, OpenFlow port name, datapath port) steps. */
    public List<Step.Emitted> outputs() {
        return steps.flatten().stream().filter(s -> s instanceof Step.Emitted).map(s -> (Step.Emitted) s).toList();
    }
}
