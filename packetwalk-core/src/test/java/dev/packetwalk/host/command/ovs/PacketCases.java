package dev.packetwalk.host.command.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Differential cases for side effects: real packets sent with {@code ovs-appctl
 * netdev-dummy/receive} (rule counters with exact byte counts, table lookup/matched counts,
 * MAC learning, learn()), {@code -generate} traces (learning without counters), learned-flow
 * refresh and hard timeouts, and idle/hard timeouts of added flows. Time passes with
 * {@code @sleep MS}: {@code ovs-appctl time/warp MS} on the real switch (its clock is stopped),
 * {@code sleep} on ours.
 */
final class PacketCases {
    private static final String T = "ovs-appctl ofproto/trace ";
    private static final String RX = "ovs-appctl netdev-dummy/receive ";
    private static final String WAIT = "ovs-appctl revalidator/wait";

    private PacketCases() {
    }

    static String eth(String src, String dst) {
        return "eth(src=" + src + ",dst=" + dst + ")";
    }

    static String icmp(String src, String dst, String ipSrc, String ipDst) {
        return eth(src, dst) + ",eth_type(0x0800),ipv4(src=" + ipSrc + ",dst=" + ipDst
                + ",proto=1,tos=0,ttl=64,frag=no),icmp(type=8,code=0)";
    }

    static List<TraceDifferentialTest.Case> cases() throws Exception {
        List<TraceDifferentialTest.Case> cases = new ArrayList<>();
        String m1 = "00:00:00:00:00:01";
        String m2 = "00:00:00:00:00:02";
        String m5 = "00:00:00:00:00:05";
        cases.add(new TraceDifferentialTest.Case("learn-packets", CaptureCases.TOPOLOGY,
                Map.of("br1", CaptureCases.file("learn.flows")),
                List.of(T + "br1 in_port=1,dl_src=" + m1 + ",dl_dst=" + m2 + " -generate",
                        "ovs-ofctl dump-flows br1", "ovs-ofctl dump-tables br1", "@learned br1 10",
                        "@sleep 5000",
                        T + "br1 in_port=1,dl_src=" + m1 + ",dl_dst=" + m2 + " -generate",
                        "ovs-ofctl dump-flows br1",
                        "@sleep 58000", "ovs-ofctl dump-flows br1 table=10",
                        "@sleep 2500", "ovs-ofctl dump-flows br1 table=10", "@learned br1 10",
                        RX + "a1 'in_port(1)," + eth(m1, m2) + ",eth_type(0x1234)'", WAIT,
                        "ovs-ofctl dump-flows br1", "ovs-ofctl dump-tables br1",
                        RX + "a2 '" + icmp(m2, m1, "10.0.0.2", "10.0.0.1") + "'", WAIT,
                        RX + "a2 '" + icmp(m2, m1, "10.0.0.2", "10.0.0.1") + "' --len 200", WAIT,
                        RX + "a1 '" + eth(m1, m2) + ",eth_type(0x8100),vlan(vid=10,pcp=3),encap(eth_type(0x0806),"
                                + "arp(sip=10.0.0.1,tip=10.0.0.2,op=1,sha=" + m1 + ",tha=00:00:00:00:00:00))'", WAIT,
                        "ovs-ofctl dump-flows br1", "ovs-ofctl dump-tables br1", "ovs-ofctl dump-aggregate br1",
                        "@sleep 30000", RX + "a5 '" + eth(m5, m1) + ",eth_type(0x1234)'", WAIT,
                        "@sleep 31000", "ovs-ofctl dump-flows br1",
                        RX + "nosuch '" + eth(m1, m2) + "'", RX + "patch-12 '" + eth(m1, m2) + "'",
                        RX + "a1 'in_port(1),foo'", RX + "a1 '" + eth(m1, "zz") + "'", RX + "a1",
                        RX + "a1 '" + eth(m1, m2) + "' --len 59", RX + "a1 --qid 1 '" + eth(m1, m2) + "'",
                        "ovs-appctl time/warp abc", "ovs-appctl time/warp", "ovs-appctl time/warp 1 2 3",
                        "ovs-appctl time/warp 0 1500", "ovs-appctl time/warp 2500 1000", "ovs-appctl time/warp 12x",
                        "ovs-ofctl dump-flows br1 table=0")));
        cases.add(new TraceDifferentialTest.Case("normal-packets", CaptureCases.TOPOLOGY,
                Map.of("br1", List.of("priority=0,actions=NORMAL", "priority=10,ip,actions=NORMAL"),
                        "br2", List.of("priority=0,actions=NORMAL")),
                List.of(RX + "a1 '" + icmp(m1, "ff:ff:ff:ff:ff:ff", "10.0.0.1", "10.0.0.255") + "'", WAIT,
                        "ovs-appctl fdb/show br1", "ovs-appctl fdb/show br2",
                        RX + "b6 '" + icmp("00:00:00:00:00:06", m1, "10.0.0.6", "10.0.0.1") + "'", WAIT,
                        RX + "a2 '" + eth(m2, "ff:ff:ff:ff:ff:ff") + ",eth_type(0x1234)'", WAIT,
                        RX + "a4 '" + eth("00:00:00:00:00:04", m2) + ",eth_type(0x8100),vlan(vid=10,pcp=0),"
                                + "encap(eth_type(0x1234))'", WAIT,
                        RX + "br1 --qid 0 '" + eth("00:00:00:00:00:0a", m1) + ",eth_type(0x1234)' '" + eth(m2, m1)
                                + ",eth_type(0x1234)' --len 64", WAIT,
                        T + "br1 in_port=5,dl_src=" + m5 + ",dl_dst=" + m2 + " -generate",
                        "ovs-appctl fdb/show br1", "ovs-appctl fdb/show br2",
                        "ovs-ofctl dump-flows br1", "ovs-ofctl dump-flows br2",
                        "ovs-ofctl dump-tables br1", "ovs-ofctl dump-tables br2",
                        T + "br1 in_port=2,dl_src=" + m2 + ",dl_dst=" + m5,
                        "@sleep 4000", "ovs-appctl fdb/show br1")));
        cases.add(new TraceDifferentialTest.Case("timeouts", CaptureCases.TOPOLOGY,
                Map.of("br1", List.of("priority=5,in_port=1,idle_timeout=10,actions=output:2",
                        "priority=5,in_port=2,idle_timeout=10,actions=output:1",
                        "priority=5,in_port=3,hard_timeout=20,actions=output:1",
                        "priority=5,in_port=4,idle_timeout=30,hard_timeout=12,actions=output:1",
                        "table=1,cookie=0x7,priority=9,hard_timeout=3,actions=drop")),
                List.of("ovs-ofctl dump-flows br1", "@sleep 2000", "ovs-ofctl dump-flows br1",
                        "@sleep 3000", RX + "a1 '" + eth(m1, m2) + ",eth_type(0x1234)'",
                        T + "br1 in_port=2,dl_src=" + m2 + ",dl_dst=" + m1 + " -generate", WAIT,
                        "ovs-ofctl dump-flows br1", "@sleep 5500", "ovs-ofctl dump-flows br1",
                        "ovs-ofctl mod-flows br1 in_port=3,actions=output:2", "@sleep 8000",
                        "ovs-ofctl dump-flows br1", "ovs-ofctl dump-flows br1 cookie=0x7/-1",
                        "@sleep 3000", "ovs-ofctl dump-flows br1", "@sleep 12000", "ovs-ofctl dump-flows br1",
                        "ovs-ofctl dump-tables br1")));
        cases.add(Seed004Compute.differentialCase());
        return cases;
    }
}
