package dev.packetwalk.cloud.seed;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.lab.Lab;
import dev.packetwalk.host.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node commands of seed 000 (which prints no output, only says what each command shows) run
 * on the {@code dvr} lab: each must run without error and show what the walkthrough says it
 * shows. The VM console commands (ping, ssh, ip a on RED2), tcpdump on live traffic and the
 * interactive watch loops belong to the traffic and lab-shell work.
 */
class Seed000LabTest {
    private static final String QROUTER = "qrouter-983bb01f-5605-4fce-9bdd-df29a353562f";
    private static final String SNAT = "snat-983bb01f-5605-4fce-9bdd-df29a353562f";
    private static final String FIP = "fip-6abc926e-f5a5-4cf7-a723-6508ee900de8";

    private static Deployment lab;

    @BeforeAll
    static void render() {
        lab = Deployment.render(Lab.named("dvr").orElseThrow().cloud());
    }

    /** Runs a script as the seed's student types it on {@code node}; fails on anything printed to stderr. */
    private static String on(String node, String script) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        new Shell(lab.host(node).orElseThrow()).runScript(script + "\n", out, err);
        assertThat(err).as(node + ": " + script).isEmpty();
        return out.toString();
    }

    @Test
    void sameHostSameNetworkPartOnCompute1() {
        assertThat(on("compute1", "nova interface-list RED1")).contains("0e6fb773-92a4-4d1e-9c3b-6f1e2d7a8b90")
                .contains("10.0.0.4");
        assertThat(on("compute1", "brctl show")).contains("qbr0e6fb773-92").contains("tap0e6fb773-92")
                .contains("qvb0e6fb773-92");
        String egress = on("compute1", "iptables -S | grep o0e6fb773");
        assertThat(egress).contains("--physdev-in tap0e6fb773-92")
                .contains("\"Allow DHCP client traffic.\"").contains("\"Prevent DHCP Spoofing by VM.\"");
        assertThat(on("compute1", "iptables -S neutron-openvswi-s0e6fb773-9"))
                .contains("-s 10.0.0.4/32 -m mac --mac-source").contains("\"Allow traffic from defined IP/MAC pairs.\"");
        assertThat(on("compute1", "iptables -S neutron-openvswi-sg-chain")).contains("Jump to the VM specific chain.");
        assertThat(on("compute1", "ovs-vsctl show")).contains("Port qvo0e6fb773-92").contains("Port patch-tun");
        assertThat(on("compute1", "ovs-ofctl show br-int")).contains("(qvo0e6fb773-92)");
        String goomba = on("compute1", "iptables -S | grep i399");
        assertThat(goomba).containsPattern("--dport 22 -m set --match-set NIPv4\\S+ src -j RETURN");
        assertThat(on("compute1", "ipset list")).contains("10.0.0.4").contains("10.0.0.5");
    }

    @Test
    void crossHostVxlanPartOnTheTunnelBridges() {
        String tun = on("compute1", "ovs-ofctl show br-tun");
        assertThat(tun).contains("1(patch-int)").contains("4(vxlan-0a0a000a)").contains("5(vxlan-0a0a000c)");
        assertThat(on("compute1", "ovs-ofctl dump-flows br-tun table=0")).contains("priority=1,in_port=1 actions=resubmit(,1)");
        assertThat(on("compute1", "ovs-ofctl dump-flows br-tun table=1")).contains("priority=0 actions=resubmit(,2)");
        assertThat(on("compute1", "ovs-ofctl dump-flows br-tun table=2"))
                .contains("priority=1,arp,dl_dst=ff:ff:ff:ff:ff:ff actions=resubmit(,21)")
                .contains("dl_dst=00:00:00:00:00:00/01:00:00:00:00:00 actions=resubmit(,20)")
                .contains("dl_dst=01:00:00:00:00:00/01:00:00:00:00:00 actions=resubmit(,22)");
        assertThat(on("compute1", "ovs-ofctl dump-flows br-tun table=21")).contains("arp_tpa=10.0.0.6");
        assertThat(on("compute1", "ovs-ofctl dump-flows br-tun table=22")).contains("actions=strip_vlan");
        // compute2: RED (VNI 66) is VLAN 2 there, GREEN VLAN 1; DVR sends tunnelled traffic through table 9
        assertThat(on("compute2", "ovs-ofctl dump-flows br-tun table=4"))
                .contains("tun_id=0x42 actions=mod_vlan_vid:2,resubmit(,9)")
                .contains("tun_id=0x43 actions=mod_vlan_vid:1,resubmit(,9)");
        assertThat(on("compute2", "ovs-ofctl dump-flows br-tun table=9")).contains("priority=0 actions=resubmit(,10)")
                .containsPattern("priority=1,dl_src=fa:16:3f:\\S+ actions=output:1");
        assertThat(on("compute2", "ovs-ofctl dump-flows br-tun table=10")).contains("learn(table=20");
        assertThat(on("compute2", "ovs-ofctl dump-flows br-int table=1")).contains("actions=drop");
    }

    @Test
    void routingInTheLocalQrouter() {
        assertThat(on("compute1", "ip netns")).contains(QROUTER).contains(FIP);
        String router = on("compute1", "ip netns exec " + QROUTER + " bash\nip a\nip route\nip rule show\n"
                + "ip route show table 16\niptables -S -t nat\nip route show table 167772161\nexit");
        assertThat(router).contains("inet 10.0.0.1/24").contains("inet 10.2.2.1/24")
                .contains("qr-1a2e76b2-1a")
                .containsPattern("\\d+:\\tfrom 10\\.0\\.0\\.4 lookup 16")
                .contains("167772161:\tfrom 10.0.0.1/24 lookup 167772161")
                .containsPattern("default via 169\\.254\\.\\d+\\.\\d+ dev rfp-983bb01f-5")
                .contains("-A neutron-l3-agent-PREROUTING -d 200.0.0.7/32 -i rfp-983bb01f-5 -j DNAT --to-destination 10.0.0.4")
                .contains("-A neutron-l3-agent-float-snat -s 10.0.0.4/32 -j SNAT --to-source 200.0.0.7")
                .contains("default via 10.0.0.3 dev qr-");
        assertThat(on("controller", "neutron l3-agent-list-hosting-router VR")).contains("controller");
    }

    @Test
    void northSouthThroughTheFipNamespace() {
        String fip = on("compute1", "ip netns exec " + FIP + " bash\nip route\nip a\nip link\n"
                + "cat /proc/sys/net/ipv4/conf/fg-18330731-dc/proxy_arp\nexit");
        assertThat(fip).contains("inet 200.0.0.4/24").contains("fg-18330731-dc")
                .containsPattern("200\\.0\\.0\\.7 via 169\\.254\\.\\d+\\.\\d+ dev fpr-983bb01f-5")
                .containsPattern("(?m)^1$");
        assertThat(on("compute1", "ovs-vsctl show")).contains("Port fg-18330731-dc");
        assertThat(on("compute1", "ovs-ofctl dump-flows br-ex table=0")).contains("dl_vlan=3 actions=strip_vlan,NORMAL");
    }

    @Test
    void northSouthThroughTheSnatNamespaceOnTheController() {
        assertThat(on("controller", "ip netns")).contains(SNAT).contains(QROUTER);
        String snat = on("controller", "ip netns exec " + SNAT + " bash\nip a\niptables --list -t nat\nip route\nexit");
        assertThat(snat).contains("inet 10.0.0.3/24").contains("inet 10.2.2.3/24").contains("inet 200.0.0.3/24")
                .contains("to:200.0.0.3").contains("default via 200.0.0.1 dev qg-");
        List<String> tags = on("controller", "ovs-vsctl show | grep -A1 'Port qg-'").lines().toList();
        assertThat(tags).anyMatch(l -> l.contains("tag: 3"));
        assertThat(on("controller", "ovs-ofctl dump-flows br-ex table=0")).contains("actions=NORMAL");
        // "One of the external bridge's ports is a NIC of the network node"
        assertThat(on("controller", "ovs-vsctl list-ports br-ex")).isEqualTo("eth2\nphy-br-ex\n");
    }
}
