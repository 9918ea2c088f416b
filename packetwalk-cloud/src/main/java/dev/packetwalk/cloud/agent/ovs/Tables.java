package dev.packetwalk.cloud.agent.ovs;

/**
 * The OpenFlow table numbers of the agent's bridges (neutron.md §2; the agent's
 * {@code common/constants.py}, the same from Ocata to Pike but for br-int's TRANSIENT table,
 * which {@link dev.packetwalk.cloud.profile.ReleaseProfile#transientTable} gives).
 */
final class Tables {
    // br-int
    static final int LOCAL_SWITCHING = 0;
    static final int DVR_TO_SRC_MAC = 1;
    static final int DVR_TO_SRC_MAC_VLAN = 2;
    static final int CANARY = 23;
    static final int ARP_SPOOF = 24;
    static final int MAC_SPOOF = 25;

    // br-tun
    static final int DVR_PROCESS = 1;
    static final int PATCH_LV_TO_TUN = 2;
    static final int GRE_TUN_TO_LV = 3;
    static final int VXLAN_TUN_TO_LV = 4;
    static final int GENEVE_TUN_TO_LV = 6;
    static final int DVR_NOT_LEARN = 9;
    static final int LEARN_FROM_TUN = 10;
    static final int UCAST_TO_TUN = 20;
    static final int ARP_RESPONDER = 21;
    static final int FLOOD_TO_TUN = 22;

    // physical bridges
    static final int DVR_PROCESS_VLAN = 1;
    static final int LOCAL_VLAN_TRANSLATION = 2;
    static final int DVR_NOT_LEARN_VLAN = 3;

    /** The tunnel types in the order the agent installs their tables' default drops (TUNNEL_NETWORK_TYPES). */
    static final java.util.List<String> TUNNEL_TYPES = java.util.List.of("gre", "vxlan", "geneve");

    private Tables() {
    }

    /** The table that maps a tunnel type's tun_id to a local VLAN (TUN_TABLE). */
    static int tunToLv(String tunnelType) {
        return switch (tunnelType) {
            case "gre" -> GRE_TUN_TO_LV;
            case "vxlan" -> VXLAN_TUN_TO_LV;
            case "geneve" -> GENEVE_TUN_TO_LV;
            default -> throw new IllegalArgumentException("unknown tunnel type " + tunnelType);
        };
    }
}
