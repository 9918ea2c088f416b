package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.linux.stack.StackDecision;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Udp;
import dev.packetwalk.net.packet.Vxlan;
import dev.packetwalk.net.sim.Hop;
import dev.packetwalk.ovs.xlate.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004's compute node on ONE host, plugged as nova's hybrid driver does it: the VM is a
 * namespace whose eth0 is the far end of tapf7eae624-34, the tap sits in Linux bridge
 * qbrf7eae624-34 with qvbf7eae624-34, whose veth peer qvof7eae624-34 is a system port of br-int
 * (tag 2, ofport 2); br-int and br-tun carry the seed's flows; br-tun's vxlan-c0a8010c goes from
 * 192.168.1.13 to 192.168.1.12, a namespace standing in for the network node's tunnel address.
 * A ping from the VM to its gateway must cross all of it and leave the root namespace as VXLAN
 * with VNI 90 (0x5a).
 */
class Seed004ComputeWalkTest {
    private static final String PORT = "f7eae624-34";

    static final String TOPOLOGY = String.join("\n",
            "ip netns add vm", "ip netns add nn",
            "ip link add tap" + PORT + " type veth peer name eth0",
            "ip link set eth0 netns vm",
            "ip netns exec vm ip link set eth0 address " + Seed004Compute.VM,
            "ip netns exec vm ip addr add 172.19.1.3/24 dev eth0",
            "ip netns exec vm ip link set eth0 up",
            "ip netns exec vm ip neigh add 172.19.1.1 lladdr " + Seed004Compute.GW + " dev eth0",
            "ip link add qbr" + PORT + " type bridge",
            "ip link add qvo" + PORT + " type veth peer name qvb" + PORT,
            "ip link set tap" + PORT + " master qbr" + PORT,
            "ip link set qvb" + PORT + " master qbr" + PORT,
            "ip link set qbr" + PORT + " up", "ip link set tap" + PORT + " up",
            "ip link set qvb" + PORT + " up", "ip link set qvo" + PORT + " up",
            "ip link add qvo1d939c00-e4 type veth peer name qvb1d939c00-e4",
            "ip link add ul0 type veth peer name ul1", "ip link set ul1 netns nn",
            "ip addr add 192.168.1.13/24 dev ul0", "ip link set ul0 up",
            "ip netns exec nn ip addr add 192.168.1.12/24 dev ul1", "ip netns exec nn ip link set ul1 up",
            "ovs-vsctl add-br br-int -- set bridge br-int fail-mode=secure",
            "ovs-vsctl add-br br-tun -- set bridge br-tun fail-mode=secure",
            "ovs-vsctl add-port br-int patch-tun -- set interface patch-tun type=patch options:peer=patch-int"
                    + " ofport_request=1",
            "ovs-vsctl add-port br-int qvo" + PORT + " tag=2 -- set interface qvo" + PORT + " ofport_request=2",
            "ovs-vsctl add-port br-int qvo1d939c00-e4 tag=1 -- set interface qvo1d939c00-e4 ofport_request=3",
            "ovs-vsctl add-port br-tun patch-int -- set interface patch-int type=patch options:peer=patch-tun"
                    + " ofport_request=1",
            "ovs-vsctl add-port br-tun vxlan-c0a8010c -- set interface vxlan-c0a8010c type=vxlan"
                    + " options:df_default=true options:in_key=flow options:local_ip=192.168.1.13"
                    + " options:out_key=flow options:remote_ip=192.168.1.12 ofport_request=2",
            // the hybrid firewall's FORWARD rules for the port (neutron.md §7.6, Ocata/Pike shape)
            "iptables -N neutron-openvswi-FORWARD", "iptables -N neutron-openvswi-sg-chain",
            "iptables -N neutron-openvswi-o" + PORT.substring(0, 10), "iptables -N neutron-openvswi-s"
                    + PORT.substring(0, 10),
            "iptables -N neutron-openvswi-sg-fallback",
            "iptables -A FORWARD -j neutron-openvswi-FORWARD",
            "iptables -A neutron-openvswi-FORWARD -m physdev --physdev-out tap" + PORT
                    + " --physdev-is-bridged -j neutron-openvswi-sg-chain",
            "iptables -A neutron-openvswi-FORWARD -m physdev --physdev-in tap" + PORT
                    + " --physdev-is-bridged -j neutron-openvswi-sg-chain",
            "iptables -A neutron-openvswi-sg-chain -m physdev --physdev-in tap" + PORT
                    + " --physdev-is-bridged -j neutron-openvswi-o" + PORT.substring(0, 10),
            "iptables -A neutron-openvswi-sg-chain -j ACCEPT",
            "iptables -A neutron-openvswi-o" + PORT.substring(0, 10) + " -j neutron-openvswi-s" + PORT.substring(0, 10),
            "iptables -A neutron-openvswi-o" + PORT.substring(0, 10) + " -j RETURN",
            "iptables -A neutron-openvswi-s" + PORT.substring(0, 10) + " -s 172.19.1.3/32 -m mac --mac-source "
                    + Seed004Compute.VM.toUpperCase() + " -j RETURN",
            "iptables -A neutron-openvswi-s" + PORT.substring(0, 10) + " -j DROP",
            "iptables -A neutron-openvswi-sg-fallback -j DROP", "");

    private static String flows() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : Map.of("br-int", Seed004Compute.BR_INT,
                "br-tun", Seed004Compute.BR_TUN).entrySet()) {
            for (String f : e.getValue()) {
                sb.append("ovs-ofctl add-flow ").append(e.getKey()).append(" \"").append(f).append("\"\n");
            }
        }
        return sb.toString();
    }

    @Test
    void pingTowardTheGatewayLeavesAsVxlanVni90() {
        Host host = Hosts.unshared("compute01");
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        new Shell(host).runScript(TOPOLOGY + flows() + "ip netns exec vm ping -c 1 -W 1 172.19.1.1\n"
                + "ovs-ofctl dump-flows br-tun table=22\n", out, err);
        assertThat(err.toString()).isEmpty();
        assertThat(out).contains("1 packets transmitted, 0 received, 100% packet loss")
                .containsPattern("table=22, n_packets=1, n_bytes=98, .*priority=1,dl_vlan=2 actions=strip_vlan");
        List<Hop> hops = host.kernel().stack().simulation().walk().hops();

        Hop qbr = hops.stream().filter(h -> h.device().equals("qbr" + PORT) && h.before().ipv4() != null)
                .findFirst().orElseThrow();
        assertThat(qbr.out()).isEqualTo("qvb" + PORT);
        assertThat(qbr.decisions()).anyMatch(d -> d instanceof StackDecision.NetfilterStep
                && d.text().contains("FORWARD"));
        assertThat(qbr.decisions()).anyMatch(d -> d.text().contains("neutron-openvswi-s" + PORT.substring(0, 10)));

        Hop brInt = hops.stream().filter(h -> h.device().equals("br-int") && h.parent() >= 0
                && ("qvo" + PORT).equals(h.in()) && h.before().ipv4() != null).findFirst().orElseThrow();
        assertThat(brInt.decisions()).anyMatch(d -> d instanceof Step.TableMatched t && t.table() == 25)
                .anyMatch(d -> d.text().equals("NORMAL"));
        // qvb's frame reaches qvo, whose rx handler is the datapath: the bridge hop follows qbr's
        assertThat(brInt.parent()).isEqualTo(qbr.id());

        Hop brTun = hops.stream().filter(h -> h.device().equals("br-tun") && h.parent() == brInt.id())
                .findFirst().orElseThrow();
        assertThat(brTun.in()).isEqualTo("patch-int");
        assertThat(brTun.out()).isEqualTo("vxlan-c0a8010c");
        assertThat(brTun.decisions()).anyMatch(d -> d instanceof Step.TableMatched t && t.table() == 20)
                .anyMatch(d -> d instanceof Step.TableMatched t && t.table() == 22);
        assertThat(brTun.after().vlans()).isEmpty();

        Hop sent = hops.stream().filter(h -> h.node().isEmpty() && "ul0".equals(h.out())
                && h.after() != null && h.after().ipv4() != null
                && h.after().ipv4().payload() instanceof Udp).findFirst().orElseThrow();
        Frame outer = sent.after();
        Udp udp = (Udp) outer.ipv4().payload();
        assertThat(Ipv4.format(outer.ipv4().src())).isEqualTo("192.168.1.13");
        assertThat(Ipv4.format(outer.ipv4().dst())).isEqualTo("192.168.1.12");
        assertThat(udp.dstPort()).isEqualTo(4789);
        Vxlan vxlan = (Vxlan) udp.payload();
        assertThat(vxlan.vni()).isEqualTo(90);
        assertThat(vxlan.inner().ipv4().dst()).isEqualTo(Ipv4.parse("172.19.1.1"));
        assertThat(vxlan.inner().dstMac().toString()).isEqualTo(Seed004Compute.GW);
        assertThat(outer.dstMac().bits()).isEqualTo(
                host.kernel().namespace("nn").orElseThrow().links().byName("ul1").mac());
        assertThat(hops).anyMatch(h -> h.node().equals("nn") && "ul1".equals(h.in()));
    }

    @Test
    void vxlanReplyFromTheNetworkNodeReachesTheVm() {
        Host host = Hosts.unshared("compute01");
        StringBuilder out = new StringBuilder();
        new Shell(host).runScript(TOPOLOGY + flows() + "ip netns exec vm ping -c 1 -W 1 172.19.1.1\n", out, out);
        var stack = host.kernel().stack();
        stack.simulation().walk().clear();
        Frame reply = Frame.of(dev.packetwalk.net.MacAddress.parse(Seed004Compute.VM),
                dev.packetwalk.net.MacAddress.parse(Seed004Compute.GW),
                dev.packetwalk.net.packet.Ipv4Packet.of(Ipv4.parse("172.19.1.1"), Ipv4.parse("172.19.1.3"),
                        new dev.packetwalk.net.packet.Icmp(0, 0, 0x12340001L, dev.packetwalk.net.packet.Data.EMPTY)));
        var outer = dev.packetwalk.net.packet.Ipv4Packet.of(Ipv4.parse("192.168.1.12"), Ipv4.parse("192.168.1.13"),
                Udp.vxlan(40000, Vxlan.of(90, reply)));
        stack.path(host.kernel().namespace("nn").orElseThrow()).send(outer, 0, -1);
        stack.run();
        List<Hop> hops = stack.simulation().walk().hops();
        Hop brTun = hops.stream().filter(h -> h.device().equals("br-tun")).findFirst().orElseThrow();
        assertThat(brTun.in()).isEqualTo("vxlan-c0a8010c");
        assertThat(brTun.decisions()).anyMatch(d -> d instanceof Step.TableMatched t && t.table() == 4)
                .anyMatch(d -> d instanceof Step.FlowLearned);
        Hop brInt = hops.stream().filter(h -> h.device().equals("br-int")).findFirst().orElseThrow();
        assertThat(brInt.in()).isEqualTo("patch-tun");
        assertThat(brInt.out()).isEqualTo("qvo" + PORT);
        assertThat(brInt.after().vlans()).isEmpty();
        assertThat(hops).anyMatch(h -> h.node().equals("vm") && "eth0".equals(h.in()));
        StringBuilder dump = new StringBuilder();
        new Shell(host).runScript("ovs-ofctl dump-flows br-tun table=20\n", dump, dump);
        assertThat(dump).contains("dl_dst=" + Seed004Compute.GW + " actions=load:0->NXM_OF_VLAN_TCI[],"
                + "load:0x5a->NXM_NX_TUN_ID[],output:2");
    }
}
