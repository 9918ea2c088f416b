package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.net.MacAddress;

import java.util.List;

/**
 * One OpenFlow port of a bridge as ovs-vswitchd configured it from the database: its number
 * and name, what it is attached to, its VLAN configuration for NORMAL, and the patch peer or
 * tunnel options.
 *
 * @param tag the access VLAN (or native VLAN), null when none
 * @param trunks the trunked VLANs; empty means all
 * @param peer the peer port name of a patch port, else null
 * @param tunnel the tunnel options of a tunnel port, else null
 */
public record BridgePort(int ofport, String name, PortKind kind, String type, MacAddress mac, Integer tag,
                         List<Integer> trunks, VlanMode vlanMode, String peer, Tunnel tunnel) {
    public BridgePort {
        trunks = List.copyOf(trunks);
    }

    public boolean isLocal() {
        return ofport == dev.packetwalk.ovs.flow.OfPort.LOCAL;
    }

    /** True when frames of VLAN {@code vlan} may cross this port under NORMAL (ovs.md §3.3). */
    public boolean carriesVlan(int vlan) {
        return switch (vlanMode) {
            case ACCESS -> tag != null && vlan == tag;
            case TRUNK -> trunks.isEmpty() || trunks.contains(vlan);
            case NATIVE_TAGGED, NATIVE_UNTAGGED -> (tag != null && vlan == tag) || trunks.isEmpty()
                    || trunks.contains(vlan);
            case DOT1Q_TUNNEL -> tag != null && vlan == tag;
        };
    }
}
