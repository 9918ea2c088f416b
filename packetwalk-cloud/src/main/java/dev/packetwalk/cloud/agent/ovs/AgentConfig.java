package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.model.AgentOptions;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.L3AgentMode;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.profile.ReleaseProfile;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The OVS agent's configuration on one node, as its ini files would say it: {@code local_ip}
 * (null: no tunnelling), {@code tunnel_types} (vxlan when there is a tunnel IP),
 * {@code bridge_mappings} (by physical network, in name order), the cloud's l2population /
 * arp_responder / prevent_arp_spoofing switches, and {@code enable_distributed_routing}, on
 * where the node's L3 agent runs in a DVR mode.
 */
record AgentConfig(Integer localIp, String tunnelType, SortedMap<String, String> bridgeMappings, boolean l2population,
        boolean arpResponder, boolean preventArpSpoofing, boolean distributedRouting, ReleaseProfile profile) {
    /** The only tunnel type the model has. */
    static final String VXLAN = "vxlan";

    AgentConfig {
        bridgeMappings = Collections.unmodifiableSortedMap(new TreeMap<>(bridgeMappings));
    }

    static AgentConfig of(Cloud cloud, Node node) {
        AgentOptions o = cloud.options();
        boolean dvr = node.l3Mode() == L3AgentMode.DVR || node.l3Mode() == L3AgentMode.DVR_SNAT;
        Integer ip = node.tunnelIp();
        return new AgentConfig(ip, ip == null ? null : VXLAN, new TreeMap<>(node.bridgeMappings()), o.l2population(),
                o.arpResponder() && o.l2population(), o.preventArpSpoofing(), dvr, cloud.profile());
    }

    boolean tunnelling() {
        return localIp != null;
    }
}
