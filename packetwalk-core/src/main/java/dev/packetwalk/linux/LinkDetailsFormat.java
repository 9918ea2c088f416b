package dev.packetwalk.linux;

import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;

/**
 * iproute2 6.1's {@code ip -d link} text: the header and link line of {@link LinkFormat}
 * followed by the kind's and the bridge port's details and the generic device attributes.
 * Values Packetwalk does not model (timers, multicast settings) are the kernel's defaults
 * for an idle device.
 */
public final class LinkDetailsFormat {
    private final LinkFormat base;

    public LinkDetailsFormat(Namespace ns) {
        this.base = new LinkFormat(ns);
    }

    /** {@code ip -d link show} for one device. */
    public String link(NetDevice d, boolean oneline) {
        StringBuilder sb = new StringBuilder();
        sb.append(base.header(d, true)).append('\n').append(base.linkLine(d));
        boolean tiny = d.kind() == LinkKind.LOOPBACK;
        boolean bridged = d.master() != null && d.master().kind() == LinkKind.BRIDGE;
        // a master's own promiscuity reference is counted but not shown among the flags
        int promiscuity = d.promiscuity() + (d.master() != null ? 1 : 0);
        sb.append(" promiscuity ").append(promiscuity).append("  allmulti ")
          .append(bridged ? 1 : 0).append(" minmtu ").append(tiny ? 0 : 68)
          .append(" maxmtu ").append(maxMtu(d.kind())).append(' ');
        String kind = kindDetails(d);
        if (kind != null) {
            sb.append("\n    ").append(kind);
        }
        if (bridged) {
            sb.append("\n    ").append(bridgeSlave(d));
        }
        sb.append(generic(d)).append('\n');
        String text = sb.toString();
        if (oneline) {
            String body = text.substring(0, text.length() - 1);
            return body.replace("\n", "\\") + "\n";
        }
        return text;
    }

    private static int maxMtu(LinkKind kind) {
        return switch (kind) {
            case LOOPBACK -> 0;
            case TUN -> 65521;
            default -> 65535;
        };
    }

    /** The kind's own line ({@code veth }, {@code bridge ...}), null for loopback. */
    private static String kindDetails(NetDevice d) {
        return switch (d.kind()) {
            case LOOPBACK, ETHERNET -> null;
            case VETH -> "veth ";
            case BRIDGE -> bridge(d);
            case TUN -> "tun type tap pi off vnet_hdr off persist on ";
            case VXLAN -> "vxlan id " + d.vni() + " srcport 0 0 dstport 4789 ttl auto ageing 300"
                    + " udpcsum noudp6zerocsumtx noudp6zerocsumrx ";
            default -> d.kind().word() + " ";
        };
    }

    private static String bridgeId(NetDevice bridge) {
        long mac = bridge.mac();
        StringBuilder sb = new StringBuilder("8000.");
        for (int shift = 40; shift >= 0; shift -= 8) {
            sb.append(Long.toHexString((mac >>> shift) & 0xff));
            if (shift > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    private static String bridge(NetDevice d) {
        String id = bridgeId(d);
        return "bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000"
                + " stp_state 0 priority 32768 vlan_filtering 0 bridge_id " + id
                + " designated_root " + id + " root_port 0 root_path_cost 0 topology_change 0"
                + " topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00"
                + " topology_change_timer    0.00 gc_timer    0.00 group_fwd_mask 0"
                + " group_address 01:80:c2:00:00:00 mcast_snooping 1 no_linklocal_learn 0"
                + " mcast_vlan_snooping 0 mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0"
                + " mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2"
                + " mcast_startup_query_count 2 mcast_last_member_interval 100"
                + " mcast_membership_interval 26000 mcast_querier_interval 25500"
                + " mcast_query_interval 12500 mcast_query_response_interval 1000"
                + " mcast_startup_query_interval 3124 mcast_stats_enabled 0 mcast_igmp_version 2"
                + " mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0"
                + " nf_call_arptables 0 ";
    }

    private static String bridgeSlave(NetDevice d) {
        NetDevice br = d.master();
        boolean forwarding = br.isUp() && d.isRunning();
        int portNo = d.portNo();
        String id = bridgeId(br);
        return "bridge_slave state " + (forwarding ? "forwarding" : "disabled")
                + " priority 32 cost " + (d.kind() == LinkKind.VETH || d.kind() == LinkKind.TUN ? 2 : 100)
                + " hairpin off guard off root_block off fastleave off learning on flood on"
                + " port_id 0x" + Integer.toHexString(0x8000 | portNo)
                + " port_no 0x" + Integer.toHexString(portNo)
                + " designated_port " + (0x8000 | portNo) + " designated_cost 0"
                + " designated_bridge " + id + " designated_root " + id
                + " hold_timer    0.00 message_age_timer    0.00 forward_delay_timer    0.00"
                + " topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off"
                + " mcast_router 1 mcast_fast_leave off mcast_flood on bcast_flood on"
                + " mcast_to_unicast off neigh_suppress off group_fwd_mask 0"
                + " group_fwd_mask_str 0x0 vlan_tunnel off isolated off locked off ";
    }

    /**
     * GSO_LEGACY_MAX_SIZE unless the driver raises it; a bridge takes the smallest of its
     * ports' limits (TSO_MAX_SIZE without ports) once its first port was added.
     */
    private static int tsoMaxSize(NetDevice d) {
        return switch (d.kind()) {
            case LOOPBACK, VETH -> 524280;
            case BRIDGE -> {
                if (!d.everHadPort()) {
                    yield 65536;
                }
                int min = 524280;
                for (NetDevice p : d.ports()) {
                    min = Math.min(min, tsoMaxSize(p));
                }
                yield min;
            }
            default -> 65536;
        };
    }

    /** The attributes every device prints last. */
    private static String generic(NetDevice d) {
        int queues = d.kind() == LinkKind.VETH ? 2 : 1;
        int tso = tsoMaxSize(d);
        return "addrgenmode eui64 numtxqueues " + queues + " numrxqueues " + queues
                + " gso_max_size 65536 gso_max_segs 65535 tso_max_size " + tso
                + " tso_max_segs 65535 gro_max_size 65536 ";
    }
}
