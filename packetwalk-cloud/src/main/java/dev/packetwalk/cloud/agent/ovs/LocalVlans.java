package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.model.Network;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's local VLAN pool (neutron.md §6): a network gets one on its first bound port, the
 * lowest free id from 1 ({@code available_local_vlans.pop()} on a fresh agent), unless the lab
 * pins the network's VLAN (by network id); pinned ids are never handed to another network.
 */
final class LocalVlans {
    private static final int MIN_VLAN = 1;
    private static final int MAX_VLAN = 4094;

    private final Map<String, Integer> pins;
    private final Map<String, LocalVlan> byNetwork = new LinkedHashMap<>();

    LocalVlans(Map<String, Integer> pins) {
        this.pins = pins;
    }

    Optional<LocalVlan> get(String networkId) {
        return Optional.ofNullable(byNetwork.get(networkId));
    }

    /** Allocates the network's local VLAN (it must have none yet). */
    LocalVlan allocate(Network network) {
        if (byNetwork.containsKey(network.id())) {
            throw new IllegalStateException("network " + network.id() + " already has local VLAN "
                    + byNetwork.get(network.id()).vlan());
        }
        Integer pinned = pins.get(network.id());
        int vlan = pinned != null ? pinned : lowestFree();
        LocalVlan lv = new LocalVlan(network, vlan);
        byNetwork.put(network.id(), lv);
        return lv;
    }

    /** The mappings in allocation order. */
    Collection<LocalVlan> all() {
        return Collections.unmodifiableCollection(byNetwork.values());
    }

    private int lowestFree() {
        for (int v = MIN_VLAN; v <= MAX_VLAN; v++) {
            if (!pins.containsValue(v) && !inUse(v)) {
                return v;
            }
        }
        throw new IllegalStateException("no local VLAN left");
    }

    private boolean inUse(int vlan) {
        return byNetwork.values().stream().anyMatch(lv -> lv.vlan() == vlan);
    }
}
