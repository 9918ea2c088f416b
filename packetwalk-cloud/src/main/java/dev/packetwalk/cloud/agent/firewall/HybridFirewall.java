package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.agent.NodeContext;

/**
 * The OVS agent's hybrid iptables firewall on a node (OVSHybridIptablesFirewallDriver,
 * neutron.md §7): per-port chains for the VM ports bound here, sg-chain and sg-fallback, the
 * spoofing and DHCP rules, ipsets of remote groups and conntrack zones.
 */
public final class HybridFirewall {
    private HybridFirewall() {
    }

    public static void render(NodeContext ctx) {
    }
}
