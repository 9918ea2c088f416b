package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.flow.Flow;

/**
 * Where a live translation hands frames the kernel would encapsulate: the inner packet (its
 * flow as it left the bridge) and the outer tunnel header OVS chose. The host wires this to its
 * IP stack (the underlay); dry traces never call it.
 */
@FunctionalInterface
public interface TunnelEgress {
    TunnelEgress NONE = (inner, header) -> { };

    void send(Flow inner, OdpAction.SetTunnel header);
}
