package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.model.Network;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One network's local VLAN on this host (the agent's LocalVLANMapping): the VLAN id, the
 * network's segment, and with l2population the tunnel ports its floods go to.
 */
final class LocalVlan {
    private final Network network;
    private final int vlan;
    private final SortedSet<Integer> tunnelOfports = new TreeSet<>();

    LocalVlan(Network network, int vlan) {
        this.network = network;
        this.vlan = vlan;
    }

    Network network() {
        return network;
    }

    int vlan() {
        return vlan;
    }

    /** The tunnel ports l2population gave a flooding entry, ascending (a Python set of ints iterates so). */
    SortedSet<Integer> tunnelOfports() {
        return Collections.unmodifiableSortedSet(tunnelOfports);
    }

    void addTunnelOfport(int ofport) {
        tunnelOfports.add(ofport);
    }
}
