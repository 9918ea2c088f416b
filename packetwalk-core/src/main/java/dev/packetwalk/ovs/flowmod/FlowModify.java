package dev.packetwalk.ovs.flowmod;

/**
 * A parsed {@code mod-flows} request: which flows to change ({@code criteria}), the new actions
 * (and, for a flow it adds, everything else) in {@code template}, whether the matched flows get
 * {@code template.cookie()} as their new cookie, and whether a miss adds the template as a
 * new flow (OpenFlow 1.0 without a cookie mask does; OpenFlow 1.3 never does).
 */
public record FlowModify(FlowFilter criteria, FlowMod template, boolean setsCookie, boolean mayAdd) {
}
