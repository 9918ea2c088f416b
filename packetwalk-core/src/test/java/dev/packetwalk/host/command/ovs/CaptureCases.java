package dev.packetwalk.host.command.ovs;

import dev.packetwalk.SharedFiles;
import dev.packetwalk.ovs.flowmod.FlowModText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trace cases built from the captured experiments (ovs-captures/README.txt): the br1/br2
 * topology with NORMAL, pipelines, learn, resubmit depth, conjunction, ct and datapath actions,
 * and the br3 tunnel topology with kernel-style tunnels (fixed and flow keys, remote_ip=flow,
 * dst_port, local_ip), traced in bridge and datapath (ODP) syntax.
 */
final class CaptureCases {
    static final Path CAPTURES = SharedFiles.ovsCaptures();
    private static final String T = "ovs-appctl ofproto/trace ";

    private CaptureCases() {
    }

    static final String TOPOLOGY = String.join("\n",
            "ovs-vsctl add-br br1 -- set bridge br1 fail-mode=secure",
            "ovs-vsctl add-br br2 -- set bridge br2 fail-mode=secure",
            "ovs-vsctl add-port br1 a1 -- set interface a1 type=internal ofport_request=1",
            "ovs-vsctl add-port br1 a2 tag=10 -- set interface a2 type=internal ofport_request=2",
            "ovs-vsctl add-port br1 a3 tag=20 -- set interface a3 type=internal ofport_request=3",
            "ovs-vsctl add-port br1 a4 trunks=10,20 -- set interface a4 type=internal ofport_request=4",
            "ovs-vsctl add-port br1 a5 tag=10 -- set interface a5 type=internal ofport_request=5",
            "ovs-vsctl add-port br1 patch-12 -- set interface patch-12 type=patch options:peer=patch-21 ofport_request=9",
            "ovs-vsctl add-port br2 b6 -- set interface b6 type=internal ofport_request=6",
            "ovs-vsctl add-port br2 b7 tag=10 -- set interface b7 type=internal ofport_request=7",
            "ovs-vsctl add-port br2 patch-21 -- set interface patch-21 type=patch options:peer=patch-12 ofport_request=8");

    static final String TUNNEL_TOPOLOGY = String.join("\n",
            "ovs-vsctl add-br br3 -- set bridge br3 fail-mode=secure",
            "ovs-vsctl add-port br3 t11 -- set interface t11 type=internal ofport_request=1",
            "ovs-vsctl add-port br3 vx0 -- set interface vx0 type=vxlan options:remote_ip=1.1.2.88 options:key=flow"
                    + " ofport_request=2",
            "ovs-vsctl add-port br3 vx9 -- set interface vx9 type=vxlan options:remote_ip=flow options:in_key=flow"
                    + " options:out_key=flow options:dst_port=4790 ofport_request=3",
            "ovs-vsctl add-port br3 vx8 -- set interface vx8 type=vxlan options:remote_ip=1.1.2.88 options:key=123"
                    + " options:dst_port=4792 ofport_request=4",
            "ovs-vsctl add-port br3 vx5 -- set interface vx5 type=vxlan options:remote_ip=1.1.2.55"
                    + " options:local_ip=1.1.2.92 options:in_key=7 options:out_key=flow ofport_request=5",
            "ovs-vsctl add-port br3 vx6 -- set interface vx6 type=vxlan options:remote_ip=1.1.2.56"
                    + " options:local_ip=1.1.2.92 options:in_key=flow options:out_key=99 ofport_request=6");

    static List<String> file(String name) throws Exception {
        return FlowModText.flowLines(Files.readString(CAPTURES.resolve(name)));
    }

    static List<TraceDifferentialTest.Case> cases() throws Exception {
        List<TraceDifferentialTest.Case> cases = new ArrayList<>();
        cases.add(new TraceDifferentialTest.Case("normal", TOPOLOGY,
                Map.of("br1", List.of("priority=0,actions=NORMAL"), "br2", List.of("priority=0,actions=NORMAL")),
                List.of(T + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=ff:ff:ff:ff:ff:ff",
                        T + "br1 in_port=2,dl_src=00:00:00:00:00:02,dl_dst=ff:ff:ff:ff:ff:ff",
                        T + "br1 in_port=4,dl_vlan=20,dl_src=00:00:00:00:00:04,dl_dst=ff:ff:ff:ff:ff:ff",
                        T + "br1 in_port=4,dl_src=00:00:00:00:00:04,dl_dst=ff:ff:ff:ff:ff:ff",
                        T + "br1 in_port=2,dl_vlan=10,dl_src=00:00:00:00:00:02,dl_dst=ff:ff:ff:ff:ff:ff",
                        T + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02 -generate",
                        "ovs-appctl fdb/show br1", "ovs-appctl fdb/show br2",
                        T + "br2 in_port=6,dl_src=00:00:00:00:00:06,dl_dst=00:00:00:00:00:01",
                        T + "br2 in_port=6,dl_src=00:00:00:00:00:06,dl_dst=00:00:00:00:00:01 -generate",
                        T + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:06",
                        T + "br1 in_port=2,dl_src=00:00:00:00:00:02,dl_dst=00:00:00:00:00:05 -generate",
                        T + "br1 in_port=5,dl_src=00:00:00:00:00:05,dl_dst=00:00:00:00:00:02 -generate",
                        T + "br1 in_port=4,dl_vlan=10,dl_src=00:00:00:00:00:04,dl_dst=00:00:00:00:00:02",
                        T + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:01",
                        T + "br1 in_port=99,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:01",
                        "ovs-appctl fdb/show br1", "ovs-appctl fdb/show br2", "ovs-appctl fdb/show nosuch",
                        T + "nosuch in_port=1", T + "br1 in_port=1,udp,tp_dst=5")));
        cases.add(new TraceDifferentialTest.Case("of1", TOPOLOGY,
                Map.of("br1", file("of-pipe1.flows"), "br2", List.of("in_port=8,actions=output:6,output:7,output:8")),
                List.of(T + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        T + "br1 in_port=2,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        T + "br1 in_port=3,dl_vlan=99,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        T + "br1 in_port=4,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        T + "br1 in_port=5,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        T + "br1 in_port=1,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.2,tp_src=1000,tp_dst=80")));
        cases.add(new TraceDifferentialTest.Case("of2", TOPOLOGY, Map.of("br1", file("of-pipe2.flows")),
                List.of(T + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        T + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:03")));
        cases.add(new TraceDifferentialTest.Case("learn", TOPOLOGY, Map.of("br1", file("learn.flows")),
                List.of(T + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        "@learned br1 10",
                        T + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02 -generate",
                        "@learned br1 10",
                        T + "br1 in_port=2,dl_src=00:00:00:00:00:02,dl_dst=00:00:00:00:00:01")));
        cases.add(new TraceDifferentialTest.Case("chain+loop", TOPOLOGY,
                Map.of("br1", file("chain.flows"), "br2", List.of("actions=resubmit(,0)")),
                List.of(T + "br1 in_port=1", T + "br2 in_port=6")));
        cases.add(new TraceDifferentialTest.Case("conj", TOPOLOGY, Map.of("br1", file("conj.flows")),
                List.of(T + "br1 in_port=1,tcp,nw_src=10.0.0.2,nw_dst=10.0.0.9,tp_dst=443",
                        T + "br1 in_port=1,tcp,nw_src=10.0.0.3,nw_dst=10.0.0.9,tp_dst=443",
                        T + "br1 in_port=1,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.9,tp_dst=80")));
        cases.add(new TraceDifferentialTest.Case("ct", TOPOLOGY, Map.of("br1", file("ct.flows")),
                List.of(T + "br1 in_port=1,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.2,tp_dst=80",
                        T + "br1 in_port=1,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.2,tp_dst=80 --ct-next trk,est",
                        T + "br1 in_port=1,ct_state=trk,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.2,tp_dst=80")));
        List<String> dp = new ArrayList<>();
        for (String line : Files.readAllLines(CAPTURES.resolve("trace-dpactions.txt"))) {
            dp.add(T + "br1 " + line.substring(0, line.indexOf("=>")).trim());
        }
        cases.add(new TraceDifferentialTest.Case("dpactions", TOPOLOGY, Map.of("br1", file("dpact10.flows")), dp));
        cases.add(tunnels());
        return cases;
    }

    private static TraceDifferentialTest.Case tunnels() {
        List<String> flows = List.of(
                "in_port=1,dl_dst=00:00:00:00:00:02,priority=50000,actions=output:2",
                "in_port=1,dl_dst=00:00:00:00:00:03,priority=50000,actions=output:3",
                "in_port=1,dl_dst=00:00:00:00:00:04,priority=50000,actions=set_tunnel:0x5,output:4",
                "in_port=1,dl_dst=00:00:00:00:00:05,priority=50000,actions=set_tunnel:0x5,output:5,output:2",
                "in_port=1,dl_dst=00:00:00:00:00:06,priority=50000,actions=set_tunnel:0x5,output:6,output:5,output:6",
                "in_port=1,dl_dst=00:00:00:00:00:77,priority=40000,actions=load:0x101024d->NXM_NX_TUN_IPV4_DST[],"
                        + "load:0x99->NXM_NX_TUN_ID[],output:3",
                "in_port=1,dl_dst=00:00:00:00:00:78,priority=40000,actions=set_field:1.1.2.78->tun_dst,"
                        + "set_tunnel:0x12,output:3,set_field:1.1.2.79->tun_dst,output:3,output:2",
                "in_port=1,priority=1,actions=set_tunnel:0x7,output:2,output:4,output:5",
                "in_port=4,priority=50000,actions=output:1",
                "in_port=3,tun_id=0x42,actions=output:1",
                "in_port=3,actions=set_field:1.1.2.9->tun_dst,output:3,output:2",
                "in_port=5,actions=resubmit(,1)",
                "in_port=6,tun_id=0x8,actions=output:2",
                "in_port=2,tun_id=0x5,actions=output:1",
                "in_port=2,actions=load:0x1->NXM_NX_REG1[],resubmit(,1)",
                "table=1,actions=move:NXM_NX_TUN_ID[0..31]->NXM_NX_REG2[],output:1");
        String icmp = ",eth(src=00:00:00:00:00:02,dst=00:00:00:00:00:01),eth_type(0x0800),"
                + "ipv4(src=10.0.0.2,dst=10.0.0.1,proto=1,tos=0,ttl=64,frag=no),icmp(type=8,code=0)'";
        List<String> cmds = new ArrayList<>();
        for (String dst : List.of("02", "03", "04", "05", "06", "77", "78", "99")) {
            cmds.add(T + "br3 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:" + dst);
        }
        cmds.add(T + "br3 tun_id=0x5,tun_src=1.1.2.88,tun_dst=1.1.2.92,in_port=2,dl_src=00:00:00:00:00:02");
        cmds.add(T + "br3 tun_id=0x6,in_port=2,dl_src=00:00:00:00:00:02");
        cmds.add(T + "br3 in_port=1,tun_flags=+key,dl_dst=00:00:00:00:00:02");
        String[][] receive = {
                {"0x5", "1.1.2.88", "1.1.2.92", "@vx0"}, {"0x6", "1.1.2.88", "1.1.2.92", "@vx0"},
                {"0x42", "1.1.2.77", "1.1.2.92", "@vx9"}, {"0x43", "1.1.2.9", "1.1.2.92", "@vx9"},
                {"0x7b", "1.1.2.88", "1.1.2.92", "@vx8"}, {"0x7c", "1.1.2.88", "1.1.2.92", "@vx8"},
                {"0x42", "1.1.2.99", "1.1.2.92", "@vx0"}, {"0x7", "1.1.2.55", "1.1.2.92", "@vx0"},
                {"0x8", "1.1.2.55", "1.1.2.92", "@vx0"}, {"0x8", "1.1.2.56", "1.1.2.92", "@vx0"},
                {"0x8", "1.1.2.56", "1.1.2.93", "@vx0"}};
        for (String[] r : receive) {
            cmds.add(T + "'tunnel(tun_id=" + r[0] + ",src=" + r[1] + ",dst=" + r[2] + ",ttl=64,flags(+key)),in_port("
                    + r[3] + ")" + icmp);
        }
        cmds.add(T + "'tunnel(tun_id=0x5,src=1.1.2.88,dst=1.1.2.92,flags(+key)),in_port(@vx0)" + icmp);
        return new TraceDifferentialTest.Case("tunnels", TUNNEL_TOPOLOGY, Map.of("br3", flows), cmds);
    }
}
