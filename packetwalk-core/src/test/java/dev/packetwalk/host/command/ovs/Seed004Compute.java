package dev.packetwalk.host.command.ovs;

import java.util.List;
import java.util.Map;

/**
 * Seed 004's compute node (shared/seeds/004_*.txt): br-int with c-private's port
 * qvof7eae624-34 (ofport 2, local VLAN 2) and qvo1d939c00-e4 (ofport 3, VLAN 1), br-tun with
 * vxlan-c0a8010c (ofport 2, 192.168.1.13 → 192.168.1.12, key=flow), joined by patch-tun/patch-int
 * (ofport 1 on both), and the Ocata OVS agent's flows with the seed's cookies; the flows the seed
 * prints are among them as printed. The commands replay the seed's ping: c-private
 * (fa:16:3e:3b:53:26, 172.19.1.3) to its gateway (fa:16:3e:ca:72:d8, 172.19.1.1), the reply
 * arriving over VNI 0x5a (learn() in br-tun table 10 makes the table-20 flow the seed shows),
 * then what the seed checks: fdb/show, the trace br-int 0 → 25 NORMAL → patch → br-tun 0 → 2 →
 * 20 → output:2, the flow dumps, and the learned flow's hard timeout.
 */
final class Seed004Compute {
    static final String VM = "fa:16:3e:3b:53:26";
    static final String GW = "fa:16:3e:ca:72:d8";
    private static final String INT = "cookie=0xb950e065fe76cc7b,";
    private static final String TUN = "cookie=0x876248e21ebb5890,";

    static final String TOPOLOGY = String.join("\n",
            "ovs-vsctl add-br br-int -- set bridge br-int fail-mode=secure",
            "ovs-vsctl add-br br-tun -- set bridge br-tun fail-mode=secure",
            "ovs-vsctl add-port br-int patch-tun -- set interface patch-tun type=patch options:peer=patch-int"
                    + " ofport_request=1",
            "ovs-vsctl add-port br-int qvof7eae624-34 tag=2 -- set interface qvof7eae624-34 type=dummy ofport_request=2",
            "ovs-vsctl add-port br-int qvo1d939c00-e4 tag=1 -- set interface qvo1d939c00-e4 type=dummy ofport_request=3",
            "ovs-vsctl add-port br-tun patch-int -- set interface patch-int type=patch options:peer=patch-tun"
                    + " ofport_request=1",
            "ovs-vsctl add-port br-tun vxlan-c0a8010c -- set interface vxlan-c0a8010c type=vxlan"
                    + " options:df_default=true options:in_key=flow options:local_ip=192.168.1.13 options:out_key=flow"
                    + " options:remote_ip=192.168.1.12 ofport_request=2");

    static final List<String> BR_INT = List.of(
            INT + "priority=10,arp,in_port=2,actions=resubmit(,24)",
            INT + "priority=9,in_port=2,actions=resubmit(,25)",
            INT + "priority=0,actions=NORMAL",
            INT + "table=23,priority=0,actions=drop",
            INT + "table=24,priority=2,arp,in_port=2,arp_spa=172.19.1.3,actions=resubmit(,25)",
            INT + "table=24,priority=0,actions=drop",
            INT + "table=25,priority=2,in_port=2,dl_src=" + VM + ",actions=NORMAL");

    static final List<String> BR_TUN = List.of(
            TUN + "priority=1,in_port=1,actions=resubmit(,2)",
            TUN + "priority=1,in_port=2,actions=resubmit(,4)",
            TUN + "priority=0,actions=drop",
            TUN + "table=2,priority=0,dl_dst=00:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,20)",
            TUN + "table=2,priority=0,dl_dst=01:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,22)",
            TUN + "table=3,priority=0,actions=drop",
            TUN + "table=4,priority=1,tun_id=0x5a,actions=mod_vlan_vid:2,resubmit(,10)",
            TUN + "table=4,priority=0,actions=drop",
            TUN + "table=6,priority=0,actions=drop",
            TUN + "table=10,priority=1,actions=learn(table=20,hard_timeout=300,priority=1,cookie=0x876248e21ebb5890,"
                    + "NXM_OF_VLAN_TCI[0..11],NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],load:0->NXM_OF_VLAN_TCI[],"
                    + "load:NXM_NX_TUN_ID[]->NXM_NX_TUN_ID[],output:NXM_OF_IN_PORT[]),output:1",
            TUN + "table=20,priority=1,hard_timeout=300,vlan_tci=0x0002/0x0fff,dl_dst=fa:16:3e:65:8c:df,"
                    + "actions=load:0->NXM_OF_VLAN_TCI[],load:0x5a->NXM_NX_TUN_ID[],output:2",
            TUN + "table=20,priority=0,actions=resubmit(,22)",
            TUN + "table=22,priority=1,dl_vlan=2,actions=strip_vlan,load:0x5a->NXM_NX_TUN_ID[],output:2",
            TUN + "table=22,priority=0,actions=drop");

    /** c-private's ping to its gateway, as netdev-dummy/receive takes it. */
    static final String PING = "'eth(src=" + VM + ",dst=" + GW + "),eth_type(0x0800),ipv4(src=172.19.1.3,"
            + "dst=172.19.1.1,proto=1,tos=0,ttl=64,frag=no),icmp(type=8,code=0)'";
    /** The same packet for ofproto/trace in bridge syntax. */
    static final String PING_FLOW = "icmp,in_port=2,dl_src=" + VM + ",dl_dst=" + GW
            + ",nw_src=172.19.1.3,nw_dst=172.19.1.1,icmp_type=8";
    /** The gateway's reply arriving from the network node over VNI 0x5a (datapath syntax). */
    static final String REPLY = "'tunnel(tun_id=0x5a,src=192.168.1.12,dst=192.168.1.13,ttl=64,flags(+key)),"
            + "in_port(@vxlan-c0a8010c),eth(src=" + GW + ",dst=" + VM + "),eth_type(0x0800),ipv4(src=172.19.1.1,"
            + "dst=172.19.1.3,proto=1,tos=0,ttl=64,frag=no),icmp(type=0,code=0)'";

    private static final String RX = "ovs-appctl netdev-dummy/receive qvof7eae624-34 ";
    private static final String WAIT = "ovs-appctl revalidator/wait";
    private static final String T = "ovs-appctl ofproto/trace ";

    static final List<String> COMMANDS = List.of(
            RX + PING, WAIT,
            T + REPLY + " -generate",
            "ovs-appctl fdb/show br-int", "ovs-appctl fdb/show br-tun",
            T + "br-int " + PING_FLOW,
            RX + PING, WAIT, RX + PING, WAIT,
            "ovs-ofctl dump-flows br-int", "ovs-ofctl dump-flows br-tun",
            "ovs-ofctl dump-tables br-int", "ovs-ofctl dump-tables br-tun", "@learned br-tun 20",
            "@sleep 200000", T + REPLY + " -generate", "ovs-ofctl dump-flows br-tun table=20",
            "@sleep 101000", "ovs-ofctl dump-flows br-tun table=20",
            "@sleep 200000", "ovs-ofctl dump-flows br-tun table=20", T + "br-int " + PING_FLOW);

    private Seed004Compute() {
    }

    static TraceDifferentialTest.Case differentialCase() {
        return new TraceDifferentialTest.Case("seed-004-compute", TOPOLOGY,
                Map.of("br-tun", BR_TUN, "br-int", BR_INT), COMMANDS);
    }
}
