package dev.packetwalk.host.command.ovs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of Neutron-shaped compute nodes (br-int with VM ports on local VLANs, br-tun
 * per neutron.md §4 with learn in table 10 and l2pop flows in 20/22, br-ex) and random packets.
 */
final class NeutronCases {
    private NeutronCases() {
    }

    static List<TraceDifferentialTest.Case> generate(long seed, int nCases, int nPackets) {
        List<TraceDifferentialTest.Case> out = new ArrayList<>();
        Random rnd = new Random(seed);
        for (int c = 0; c < nCases; c++) {
            out.add(one(rnd, c, nPackets));
        }
        return out;
    }

    static String mac(int a, int b) {
        return String.format("fa:16:3e:%02x:%02x:%02x", a, b, (a * 7 + b) & 0xff);
    }

    private static TraceDifferentialTest.Case one(Random rnd, int idx, int nPackets) {
        int nNets = 1 + rnd.nextInt(3);
        int nPeers = 1 + rnd.nextInt(3);
        int nVms = 2 + rnd.nextInt(6);
        StringBuilder topo = new StringBuilder();
        topo.append("ovs-vsctl add-br br-int -- set bridge br-int fail-mode=secure\n");
        topo.append("ovs-vsctl add-br br-tun -- set bridge br-tun fail-mode=secure\n");
        topo.append("ovs-vsctl add-br br-ex\n");
        topo.append("ovs-vsctl add-port br-int patch-tun -- set interface patch-tun type=patch options:peer=patch-int ofport_request=1\n");
        topo.append("ovs-vsctl add-port br-tun patch-int -- set interface patch-int type=patch options:peer=patch-tun ofport_request=1\n");
        List<String> intFlows = new ArrayList<>(List.of("priority=0,actions=NORMAL", "table=23,priority=0,actions=drop",
                "table=24,priority=0,actions=drop"));
        int[] vmVlan = new int[nVms];
        String[] vmMac = new String[nVms];
        for (int v = 0; v < nVms; v++) {
            int port = 10 + v;
            vmVlan[v] = 1 + rnd.nextInt(nNets);
            vmMac[v] = mac(idx, v);
            topo.append("ovs-vsctl add-port br-int qvo").append(v).append(" tag=").append(vmVlan[v])
                    .append(" -- set interface qvo").append(v).append(" type=internal ofport_request=").append(port)
                    .append('\n');
            intFlows.add("priority=10,arp,in_port=" + port + ",actions=resubmit(,24)");
            intFlows.add("priority=9,in_port=" + port + ",actions=resubmit(,25)");
            intFlows.add("table=24,priority=2,arp,in_port=" + port + ",arp_spa=10.0." + vmVlan[v] + "." + (10 + v)
                    + ",actions=NORMAL");
            intFlows.add("table=25,priority=2,in_port=" + port + ",dl_src=" + vmMac[v] + ",actions=NORMAL");
        }
        List<String> tunFlows = new ArrayList<>();
        tunFlows.add("priority=1,in_port=1,actions=resubmit(,2)");
        tunFlows.add("priority=0,actions=drop");
        tunFlows.add("table=2,priority=0,dl_dst=00:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,20)");
        tunFlows.add("table=2,priority=0,dl_dst=01:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,22)");
        tunFlows.add("table=3,priority=0,actions=drop");
        tunFlows.add("table=4,priority=0,actions=drop");
        tunFlows.add("table=6,priority=0,actions=drop");
        tunFlows.add("table=10,priority=1,actions=learn(table=20,hard_timeout=300,priority=1,cookie=0x9e,"
                + "NXM_OF_VLAN_TCI[0..11],NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],load:0->NXM_OF_VLAN_TCI[],"
                + "load:NXM_NX_TUN_ID[]->NXM_NX_TUN_ID[],output:NXM_OF_IN_PORT[]),output:1");
        tunFlows.add("table=20,priority=0,actions=resubmit(,22)");
        tunFlows.add("table=22,priority=0,actions=drop");
        StringBuilder peersOut = new StringBuilder();
        for (int p = 0; p < nPeers; p++) {
            int ofp = 2 + p;
            String remote = "10.0.0." + (31 + p);
            topo.append("ovs-vsctl add-port br-tun vxlan-").append(p).append(" -- set interface vxlan-").append(p)
                    .append(" type=vxlan ofport_request=").append(ofp).append(" options:remote_ip=").append(remote)
                    .append(" options:local_ip=10.0.0.11 options:in_key=flow options:out_key=flow\n");
            tunFlows.add("priority=1,in_port=" + ofp + ",actions=resubmit(,4)");
            peersOut.append(",output:").append(ofp);
        }
        Map<Integer, String> remoteMacs = new HashMap<>();
        for (int n = 1; n <= nNets; n++) {
            int vni = 0x50 + n * 5;
            tunFlows.add("table=4,priority=1,tun_id=0x" + Integer.toHexString(vni) + ",actions=mod_vlan_vid:" + n
                    + ",resubmit(,10)");
            tunFlows.add("table=22,priority=1,dl_vlan=" + n + ",actions=strip_vlan,load:0x" + Integer.toHexString(vni)
                    + "->NXM_NX_TUN_ID[]" + peersOut);
            String rmac = mac(200 + idx, n);
            remoteMacs.put(n, rmac);
            tunFlows.add("table=20,priority=2,dl_vlan=" + n + ",dl_dst=" + rmac + ",actions=strip_vlan,load:0x"
                    + Integer.toHexString(vni) + "->NXM_NX_TUN_ID[],output:" + (2 + rnd.nextInt(nPeers)));
        }
        Map<String, List<String>> flows = Map.of("br-int", intFlows, "br-tun", tunFlows);
        List<String> cmds = new ArrayList<>();
        String t = "ovs-appctl ofproto/trace ";
        for (int i = 0; i < nPackets; i++) {
            int v = rnd.nextInt(nVms);
            String gen = rnd.nextInt(3) == 0 ? " -generate" : "";
            int kind = rnd.nextInt(6);
            String dst = switch (kind) {
                case 0 -> "ff:ff:ff:ff:ff:ff";
                case 1 -> remoteMacs.get(vmVlan[v]);
                case 2 -> vmMac[rnd.nextInt(nVms)];
                case 3 -> mac(150, rnd.nextInt(4));
                default -> remoteMacs.get(1 + rnd.nextInt(nNets));
            };
            if (kind == 5) {
                int peer = 2 + rnd.nextInt(nPeers);
                int n = 1 + rnd.nextInt(nNets);
                cmds.add(t + "br-tun tun_id=0x" + Integer.toHexString(0x50 + n * 5) + ",in_port=" + peer
                        + ",dl_src=" + remoteMacs.get(n) + ",dl_dst=" + vmMac[rnd.nextInt(nVms)] + gen);
            } else if (rnd.nextBoolean()) {
                cmds.add(t + "br-int in_port=" + (10 + v) + ",icmp,dl_src=" + vmMac[v] + ",dl_dst=" + dst
                        + ",nw_src=10.0." + vmVlan[v] + "." + (10 + v) + ",nw_dst=10.0." + vmVlan[v] + ".99,nw_ttl=64"
                        + gen);
            } else {
                cmds.add(t + "br-int in_port=" + (10 + v) + ",dl_src=" + (rnd.nextInt(8) == 0 ? mac(99, 9) : vmMac[v])
                        + ",dl_dst=" + dst + gen);
            }
            if (rnd.nextInt(8) == 0) {
                cmds.add("ovs-appctl fdb/show br-int");
            }
        }
        cmds.add("ovs-appctl fdb/show br-int");
        return new TraceDifferentialTest.Case("neutron-" + idx, topo.toString(), flows, cmds);
    }
}
