package dev.packetwalk.ovs.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code ovs-ofctl show}, {@code dump-ports-desc} and {@code dump-ports} for one bridge, as
 * OVS 3.1 prints them with the dummy datapath (every port up, no link speed).
 */
public final class OfctlShow {
    private OfctlShow() {
    }

    /** OpenFlow 1.0 ({@code of13} false) or 1.3 form of {@code ovs-ofctl show BR}. */
    public static String show(BridgeRow bridge, boolean of13) {
        StringBuilder sb = new StringBuilder();
        String v = of13 ? " (OF1.3)" : "";
        sb.append("OFPT_FEATURES_REPLY").append(v).append(" (xid=0x2): dpid:")
                .append(String.format(Locale.ROOT, "%016x", bridge.datapathId())).append('\n');
        sb.append("n_tables:254, n_buffers:0\n");
        if (of13) {
            sb.append("capabilities: FLOW_STATS TABLE_STATS PORT_STATS GROUP_STATS QUEUE_STATS\n");
            sb.append("OFPST_PORT_DESC reply (OF1.3) (xid=0x3):\n");
        } else {
            sb.append("capabilities: FLOW_STATS TABLE_STATS PORT_STATS QUEUE_STATS ARP_MATCH_IP\n");
            sb.append("actions: output enqueue set_vlan_vid set_vlan_pcp strip_vlan mod_dl_src mod_dl_dst")
                    .append(" mod_nw_src mod_nw_dst mod_nw_tos mod_tp_src mod_tp_dst\n");
        }
        ports(sb, bridge, of13);
        sb.append("OFPT_GET_CONFIG_REPLY").append(v).append(of13 ? " (xid=0x5)" : " (xid=0x4)")
                .append(": frags=normal miss_send_len=0\n");
        return sb.toString();
    }

    /** {@code ovs-ofctl dump-ports-desc BR}. */
    public static String portDescriptions(BridgeRow bridge, boolean of13) {
        StringBuilder sb = new StringBuilder("OFPST_PORT_DESC reply").append(of13 ? " (OF1.3)" : "")
                .append(" (xid=0x2):\n");
        ports(sb, bridge, of13);
        return sb.toString();
    }

    /** {@code ovs-ofctl dump-ports BR [PORT]}: counters (all zero until traffic is modelled). */
    public static String portStats(List<InterfaceRow> ports, boolean of13, int xid) {
        StringBuilder sb = new StringBuilder("OFPST_PORT reply").append(of13 ? " (OF1.3)" : "")
                .append(" (xid=0x").append(Integer.toHexString(xid)).append("): ")
                .append(ports.size()).append(" ports\n");
        List<InterfaceRow> sorted = new ArrayList<>(ports);
        sorted.sort(Comparator.comparingInt(i -> i.ofport() == InterfaceRow.OFPP_LOCAL ? -1 : i.ofport()));
        for (InterfaceRow i : sorted) {
            String n = i.ofport() == InterfaceRow.OFPP_LOCAL ? "LOCAL" : String.format(Locale.ROOT, "%2d", i.ofport());
            sb.append("  port ").append(n).append(": rx pkts=0, bytes=0, drop=?, errs=?, frame=?, over=?, crc=?\n");
            sb.append("           tx pkts=0, bytes=0, drop=?, errs=?, coll=?\n");
        }
        return sb.toString();
    }

    /** The bridge's interfaces that have an OpenFlow port, by number with LOCAL last. */
    public static List<InterfaceRow> openflowPorts(BridgeRow bridge) {
        List<InterfaceRow> out = new ArrayList<>();
        bridge.ports().forEach(p -> p.interfaces().stream().filter(i -> i.ofport() > 0).forEach(out::add));
        out.sort(Comparator.comparingInt(InterfaceRow::ofport));
        return out;
    }

    private static void ports(StringBuilder sb, BridgeRow bridge, boolean of13) {
        for (InterfaceRow i : openflowPorts(bridge)) {
            String number = i.ofport() == InterfaceRow.OFPP_LOCAL ? "LOCAL" : Integer.toString(i.ofport());
            sb.append(' ').append(number).append('(').append(i.name()).append("): addr:")
                    .append(i.mac()).append('\n');
            sb.append("     config:     0\n");
            sb.append("     state:      ").append(of13 ? "LIVE" : "0").append('\n');
            sb.append("     speed: 0 Mbps now, 0 Mbps max\n");
        }
    }
}
