package dev.packetwalk.cloud.agent.ovs;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The bridges the agent set up and how they are patched together: br-int, br-tun (null
 * without tunnelling) and the physical bridges by physical network, with the OpenFlow ports of
 * their patch ports ({@code int-br-X}/{@code phy-br-X}, {@code patch-tun}/{@code patch-int}).
 */
record AgentBridges(IntegrationBridge integration, TunnelBridge tunnel, SortedMap<String, PhysicalBridge> physical,
        Map<String, Integer> intOfports, Map<String, Integer> physOfports, int patchTunOfport, int patchIntOfport) {
    AgentBridges {
        physical = Collections.unmodifiableSortedMap(new TreeMap<>(physical));
        intOfports = Map.copyOf(intOfports);
        physOfports = Map.copyOf(physOfports);
    }

    boolean tunnelling() {
        return tunnel != null;
    }

    /** br-int's patch port towards a physical network's bridge. */
    int intOfport(String physicalNetwork) {
        return intOfports.get(physicalNetwork);
    }

    /** The physical bridge's patch port towards br-int. */
    int physOfport(String physicalNetwork) {
        return physOfports.get(physicalNetwork);
    }
}
