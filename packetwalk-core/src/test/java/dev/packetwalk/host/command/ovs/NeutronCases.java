package dev.packetwalk.host.command.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of Neutron-shaped compute nodes (neutron.md §4, §5; Ocata or Pike flavour):
 * br-int with VM ports on local VLANs and the ARP/MAC anti-spoofing tables 24/25, br-tun with
 * tables 0/2/3/4/6/10/20/21/22 (learn in 10, l2pop unicast in 20, ARP responder in 21, flood in
 * 22) and vxlan ports named after the peers' addresses. Packets: VM unicast/broadcast/ARP/spoofed
 * frames into br-int, tunnel frames into br-tun (bridge syntax and datapath syntax), with and
 * without {@code -generate}; fdb/show and learned table-20 flows are compared along the way.
 */
final class NeutronCases {
    private static final String T = "ovs-appctl ofproto/trace ";
    private static final String LOCAL_IP = "10.0.0.11";

    private NeutronCases() {
    }

    static List<TraceDifferentialTest.Case> generate(long seed, int nCases, int nPackets) {
        List<TraceDifferentialTest.Case> out = new ArrayList<>();
        Random rnd = new Random(seed);
        for (int c = 0; c < nCases; c++) {
            out.add(new Node(rnd, c).traces(nPackets));
        }
        return out;
    }

    static String mac(int a, int b) {
        return String.format("fa:16:3e:%02x:%02x:%02x", a, b, (a * 7 + b) & 0xff);
    }

    /** One generated compute node and its packets. */
    private static final class Node {
        final Random rnd;
        final int idx;
        final boolean pike;
        final int nNets;
        final int nPeers;
        final int nVms;
        final int[] vmVlan;
        final String[] vmMac;
        final String[] peerName;
        final String[][] remoteMac;
        final StringBuilder topo = new StringBuilder();
        final List<String> intFlows = new ArrayList<>();
        final List<String> tunFlows = new ArrayList<>();

        Node(Random rnd, int idx) {
            this.rnd = rnd;
            this.idx = idx;
            this.pike = rnd.nextBoolean();
            this.nNets = 1 + rnd.nextInt(3);
            this.nPeers = 1 + rnd.nextInt(3);
            this.nVms = 2 + rnd.nextInt(7);
            this.vmVlan = new int[nVms];
            this.vmMac = new String[nVms];
            this.peerName = new String[nPeers];
            this.remoteMac = new String[nNets + 1][2];
            bridges();
            brInt();
            brTun();
        }

        static String vni(int net) {
            return "0x" + Integer.toHexString(0x50 + net * 5);
        }

        static String peerIp(int p) {
            return "10.0.0." + (31 + p);
        }

        static String vmIp(int net, int v) {
            return "10.0." + net + "." + (10 + v);
        }

        static String remoteIp(int net, int r) {
            return "10.0." + net + "." + (200 + r);
        }

        private void bridges() {
            topo.append("ovs-vsctl add-br br-int -- set bridge br-int fail-mode=secure\n");
            topo.append("ovs-vsctl add-br br-tun -- set bridge br-tun fail-mode=secure\n");
            topo.append("ovs-vsctl add-port br-int patch-tun -- set interface patch-tun type=patch"
                    + " options:peer=patch-int ofport_request=1\n");
            topo.append("ovs-vsctl add-port br-tun patch-int -- set interface patch-int type=patch"
                    + " options:peer=patch-tun ofport_request=1\n");
            for (int p = 0; p < nPeers; p++) {
                peerName[p] = "vxlan-0a0000" + Integer.toHexString(31 + p);
                topo.append("ovs-vsctl add-port br-tun ").append(peerName[p]).append(" -- set interface ")
                        .append(peerName[p]).append(" type=vxlan ofport_request=").append(2 + p)
                        .append(" options:remote_ip=").append(peerIp(p)).append(" options:local_ip=").append(LOCAL_IP)
                        .append(" options:in_key=flow options:out_key=flow options:df_default=true\n");
            }
        }

        private void brInt() {
            String allow = pike ? "resubmit(,60)" : "NORMAL";
            intFlows.add("priority=0,actions=" + allow);
            intFlows.add("table=23,priority=0,actions=drop");
            intFlows.add("table=24,priority=0,actions=drop");
            if (pike) {
                intFlows.add("table=60,priority=3,actions=NORMAL");
            }
            for (int v = 0; v < nVms; v++) {
                int port = 10 + v;
                vmVlan[v] = 1 + rnd.nextInt(nNets);
                vmMac[v] = mac(idx, v);
                topo.append("ovs-vsctl add-port br-int qvo").append(v).append(" tag=").append(vmVlan[v])
                        .append(" -- set interface qvo").append(v).append(" type=internal ofport_request=").append(port)
                        .append('\n');
                intFlows.add("priority=10,arp,in_port=" + port + ",actions=resubmit(,24)");
                intFlows.add("priority=9,in_port=" + port + ",actions=resubmit(,25)");
                intFlows.add("table=24,priority=2,arp,in_port=" + port + ",arp_spa=" + vmIp(vmVlan[v], v)
                        + ",actions=resubmit(,25)");
                intFlows.add("table=25,priority=2,in_port=" + port + ",dl_src=" + vmMac[v] + ",actions=" + allow);
            }
        }

        private void brTun() {
            tunFlows.add("priority=1,in_port=1,actions=resubmit(,2)");
            tunFlows.add("priority=0,actions=drop");
            tunFlows.add("table=2,priority=1,arp,dl_dst=ff:ff:ff:ff:ff:ff,actions=resubmit(,21)");
            tunFlows.add("table=2,priority=0,dl_dst=00:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,20)");
            tunFlows.add("table=2,priority=0,dl_dst=01:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,22)");
            for (int t : new int[] {3, 4, 6}) {
                tunFlows.add("table=" + t + ",priority=0,actions=drop");
            }
            tunFlows.add("table=10,priority=1,actions=learn(table=20,hard_timeout=300,priority=1,cookie=0x9e,"
                    + "NXM_OF_VLAN_TCI[0..11],NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],load:0->NXM_OF_VLAN_TCI[],"
                    + "load:NXM_NX_TUN_ID[]->NXM_NX_TUN_ID[],output:NXM_OF_IN_PORT[]),output:1");
            tunFlows.add("table=20,priority=0,actions=resubmit(,22)");
            tunFlows.add("table=21,priority=0,actions=resubmit(,22)");
            tunFlows.add("table=22,priority=0,actions=drop");
            StringBuilder flood = new StringBuilder();
            for (int p = 0; p < nPeers; p++) {
                tunFlows.add("priority=1,in_port=" + (2 + p) + ",actions=resubmit(,4)");
                flood.append(",output:").append(2 + p);
            }
            for (int n = 1; n <= nNets; n++) {
                tunFlows.add("table=4,priority=1,tun_id=" + vni(n) + ",actions=mod_vlan_vid:" + n + ",resubmit(,10)");
                tunFlows.add("table=22,priority=1,dl_vlan=" + n + ",actions=strip_vlan,"
                        + (rnd.nextBoolean() ? "set_tunnel:" + vni(n) : "load:" + vni(n) + "->NXM_NX_TUN_ID[]") + flood);
                for (int r = 0; r < 2; r++) {
                    remoteMac[n][r] = mac(200 + idx, n * 4 + r);
                    tunFlows.add("table=20,priority=2,dl_vlan=" + n + ",dl_dst=" + remoteMac[n][r]
                            + ",actions=strip_vlan,load:" + vni(n) + "->NXM_NX_TUN_ID[],output:" + (2 + rnd.nextInt(nPeers)));
                    long m = Long.parseLong(remoteMac[n][r].replace(":", ""), 16);
                    tunFlows.add("table=21,priority=1,arp,dl_vlan=" + n + ",arp_tpa=" + remoteIp(n, r)
                            + ",actions=load:0x2->NXM_OF_ARP_OP[],move:NXM_NX_ARP_SHA[]->NXM_NX_ARP_THA[],"
                            + "move:NXM_OF_ARP_SPA[]->NXM_OF_ARP_TPA[],load:0x" + Long.toHexString(m)
                            + "->NXM_NX_ARP_SHA[],load:0x" + Integer.toHexString(0x0a000000 + (n << 8) + 200 + r)
                            + "->NXM_OF_ARP_SPA[],move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],mod_dl_src:" + remoteMac[n][r]
                            + ",IN_PORT");
                }
            }
        }

        TraceDifferentialTest.Case traces(int nPackets) {
            List<String> cmds = new ArrayList<>();
            for (int i = 0; i < nPackets; i++) {
                String gen = rnd.nextInt(3) == 0 ? " -generate" : "";
                int kind = rnd.nextInt(10);
                cmds.add(switch (kind) {
                    case 0, 1 -> fromTunnelOdp(gen);
                    case 2 -> fromTunnelBridge(gen);
                    case 3 -> arp(gen);
                    default -> fromVm(gen);
                });
                if (rnd.nextInt(8) == 0) {
                    cmds.add("ovs-appctl fdb/show br-int");
                }
                if (rnd.nextInt(8) == 0) {
                    cmds.add("@learned br-tun 20");
                }
            }
            cmds.add("ovs-appctl fdb/show br-int");
            cmds.add("ovs-appctl fdb/show br-tun");
            cmds.add("@learned br-tun 20");
            return new TraceDifferentialTest.Case("neutron-" + idx + (pike ? "-pike" : "-ocata"), topo.toString(),
                    Map.of("br-int", intFlows, "br-tun", tunFlows), cmds);
        }

        private String anyRemoteMac(int net) {
            return rnd.nextInt(4) == 0 ? mac(150, rnd.nextInt(4)) : remoteMac[net][rnd.nextInt(2)];
        }

        private String fromVm(String gen) {
            int v = rnd.nextInt(nVms);
            int net = vmVlan[v];
            String dst = switch (rnd.nextInt(5)) {
                case 0 -> "ff:ff:ff:ff:ff:ff";
                case 1 -> vmMac[rnd.nextInt(nVms)];
                case 2 -> "01:00:5e:00:00:fb";
                default -> anyRemoteMac(rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(nNets) : net);
            };
            String src = rnd.nextInt(10) == 0 ? mac(99, 9) : vmMac[v];
            return switch (rnd.nextInt(3)) {
                case 0 -> T + "br-int in_port=" + (10 + v) + ",icmp,dl_src=" + src + ",dl_dst=" + dst + ",nw_src="
                        + vmIp(net, v) + ",nw_dst=" + remoteIp(net, rnd.nextInt(2)) + ",nw_ttl=64,icmp_type=8" + gen;
                case 1 -> T + "br-int in_port=" + (10 + v) + ",tcp,dl_src=" + src + ",dl_dst=" + dst + ",nw_src="
                        + vmIp(net, v) + ",nw_dst=" + remoteIp(net, 0) + ",nw_tos=" + (rnd.nextBoolean() ? 0 : 3)
                        + ",nw_ttl=64,tp_src=" + (30000 + rnd.nextInt(1000)) + ",tp_dst=22" + gen;
                default -> T + "br-int in_port=" + (10 + v) + ",dl_src=" + src + ",dl_dst=" + dst + gen;
            };
        }

        private String arp(String gen) {
            int v = rnd.nextInt(nVms);
            int net = vmVlan[v];
            String spa = rnd.nextInt(6) == 0 ? "10.9.9.9" : vmIp(net, v);
            String tpa = rnd.nextBoolean() ? remoteIp(net, rnd.nextInt(2)) : vmIp(net, rnd.nextInt(nVms));
            return T + "br-int in_port=" + (10 + v) + ",arp,dl_src=" + vmMac[v] + ",dl_dst=ff:ff:ff:ff:ff:ff,arp_op=1"
                    + ",arp_spa=" + spa + ",arp_tpa=" + tpa + ",arp_sha=" + vmMac[v] + gen;
        }

        private String fromTunnelBridge(String gen) {
            int n = 1 + rnd.nextInt(nNets);
            int p = rnd.nextInt(nPeers);
            return T + "br-tun tun_id=" + vni(n) + ",tun_src=" + peerIp(p) + ",tun_dst=" + LOCAL_IP + ",in_port="
                    + (2 + p) + ",dl_src=" + remoteMac[n][rnd.nextInt(2)] + ",dl_dst=" + vmMac[rnd.nextInt(nVms)] + gen;
        }

        private String fromTunnelOdp(String gen) {
            int n = rnd.nextInt(6) == 0 ? 9 : 1 + rnd.nextInt(nNets);
            int p = rnd.nextInt(nPeers);
            String src = n <= nNets ? remoteMac[n][rnd.nextInt(2)] : mac(150, 1);
            String dst = rnd.nextInt(5) == 0 ? "ff:ff:ff:ff:ff:ff" : vmMac[rnd.nextInt(nVms)];
            String from = rnd.nextInt(8) == 0 ? "10.0.0.99" : peerIp(p);
            return T + "'tunnel(tun_id=" + vni(n) + ",src=" + from + ",dst=" + LOCAL_IP + ",ttl=64,flags(+key)),in_port(@"
                    + peerName[p] + "),eth(src=" + src + ",dst=" + dst + "),eth_type(0x0800),ipv4(src=" + remoteIp(
                    Math.min(n, nNets), 0) + ",dst=10.0.1.10,proto=1,tos=0,ttl=64,frag=no),icmp(type=8,code=0)'" + gen;
        }
    }
}
