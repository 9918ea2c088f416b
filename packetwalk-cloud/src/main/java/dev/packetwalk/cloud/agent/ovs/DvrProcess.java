package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.Field;

/**
 * The DVR_PROCESS table that br-tun (table 1, then 2) and physical bridges (table 1, then 2)
 * share (br_dvr_process.OVSDVRProcessMixin): what a local distributed router port sends
 * towards other hosts. ARP for the gateway stays local, frames to the router port's MAC are
 * dropped (every host has that router port), and frames from it leave with this host's DVR MAC.
 */
final class DvrProcess {
    private final AgentBridge bridge;
    private final int table;
    private final int nextTable;

    DvrProcess(AgentBridge bridge, int table, int nextTable) {
        this.bridge = bridge;
        this.table = table;
        this.nextTable = nextTable;
    }

    /** Blocks ARP for an IPv4 subnet's gateway on the local VLAN. */
    void installIpv4(int vlan, int gatewayIp) {
        bridge.installDrop(table, 3, AgentBridge.tagged(AgentBridge.match().arp(), vlan).arpTpa(gatewayIp).build());
    }

    /** Drops frames to the router port's MAC and rewrites frames from it to the host's DVR MAC. */
    void install(int vlan, long vifMac, long dvrMac) {
        bridge.installDrop(table, 2, AgentBridge.tagged(AgentBridge.match(), vlan).dlDst(vifMac).build());
        bridge.install(table, 1, AgentBridge.tagged(AgentBridge.match(), vlan).dlSrc(vifMac).build(),
                Action.SetField.of(Field.ETH_SRC, dvrMac), new Action.GotoTable(nextTable));
    }
}
