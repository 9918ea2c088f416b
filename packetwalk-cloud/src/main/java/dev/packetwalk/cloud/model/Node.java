package dev.packetwalk.cloud.model;

import java.util.Map;
import java.util.Set;

/**
 * A machine of the cloud: its roles, its NICs (management, and the tunnel NIC carrying VXLAN),
 * the OVS agent's {@code bridge_mappings} (physical network to bridge), the physical NICs the
 * installer put on those bridges ({@code bridge_ports}: bridge to NIC), the L3 agent's mode
 * (null when it runs no L3 agent) and what a lab pins on it.
 */
public record Node(String name, Set<Role> roles, Nic management, Nic tunnel, Map<String, String> bridgeMappings,
        L3AgentMode l3Mode, Pins pins, Map<String, String> bridgePorts) {
    public Node {
        roles = Set.copyOf(roles);
        bridgeMappings = Map.copyOf(bridgeMappings);
        bridgePorts = Map.copyOf(bridgePorts);
        for (String bridge : bridgePorts.keySet()) {
            if (!bridgeMappings.containsValue(bridge)) {
                throw new ModelException("node " + name + ": bridge_ports names " + bridge
                        + ", which is in no bridge_mappings entry");
            }
        }
        if (roles.isEmpty()) {
            throw new ModelException("node " + name + " has no role (controller, network or compute)");
        }
    }

    /** A node whose physical bridges hold no NIC. */
    public Node(String name, Set<Role> roles, Nic management, Nic tunnel, Map<String, String> bridgeMappings,
            L3AgentMode l3Mode, Pins pins) {
        this(name, roles, management, tunnel, bridgeMappings, l3Mode, pins, Map.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The tunnel endpoint ({@code local_ip}); null when the node has no tunnel NIC. */
    public Integer tunnelIp() {
        return tunnel == null ? null : tunnel.address().address();
    }

    /** Whether the OVS agent runs here (network and compute nodes; a pure controller has none). */
    public boolean runsOvsAgent() {
        return has(Role.NETWORK) || has(Role.COMPUTE);
    }

    /** Whether a DHCP agent runs here (network nodes). */
    public boolean runsDhcpAgent() {
        return has(Role.NETWORK);
    }

    public boolean runsL3Agent() {
        return l3Mode != null;
    }

    public Node withPins(Pins newPins) {
        return new Node(name, roles, management, tunnel, bridgeMappings, l3Mode, newPins, bridgePorts);
    }
}
