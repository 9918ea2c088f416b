package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.agent.OvsLib;

import java.util.Map;

/**
 * The Open vSwitch agent of a node (neutron-openvswitch-agent, native OpenFlow driver): at start
 * br-int, the physical bridges of its bridge_mappings and br-tun with their patch ports and
 * default flows, the tunnels to its peers; then, once the other agents and Nova have plugged
 * their ports, each port bound to its network's local VLAN with the flows that go with it.
 */
public final class OvsAgent {
    private OvsAgent() {
    }

    /** What the agent does when it starts, before any port is plugged. */
    public static void start(NodeContext ctx) {
        OvsLib ovs = ctx.ovs();
        ovs.manager();
        ovs.addBridge(OvsLib.BR_INT);
        for (Map.Entry<String, String> m : ctx.node().bridgeMappings().entrySet()) {
            String bridge = m.getValue();
            ovs.addBridge(bridge);
            ovs.addPatchPort(OvsLib.BR_INT, DeviceNames.intPatch(bridge), DeviceNames.phyPatch(bridge));
            ovs.addPatchPort(bridge, DeviceNames.phyPatch(bridge), DeviceNames.intPatch(bridge));
        }
        if (ctx.node().tunnelIp() != null) {
            ovs.addBridge(OvsLib.BR_TUN);
            ovs.addPatchPort(OvsLib.BR_INT, "patch-tun", "patch-int");
            ovs.addPatchPort(OvsLib.BR_TUN, "patch-int", "patch-tun");
        }
    }

    /** Binds every port plugged on the node: VLAN tags and the flows of each table family. */
    public static void bindPorts(NodeContext ctx) {
    }
}
