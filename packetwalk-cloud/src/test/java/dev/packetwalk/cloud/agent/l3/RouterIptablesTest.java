package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.agent.HostShell;
import dev.packetwalk.cloud.scenario.Scenario;
import dev.packetwalk.host.Host;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The L3 and DHCP agents' rules in the labs' namespaces, as Ocata's agents write them
 * (router_info, dvr_local_router, dvr_edge_router, dvr_fip_ns, metadata driver, dhcp).
 */
class RouterIptablesTest {
    private static final String VR = "983bb01f-5605-4fce-9bdd-df29a353562f";
    private static final Deployment DVR = Deployment.render(Scenario.fromResource("dvr.yaml"));
    private static final Deployment LEGACY = Deployment.render(Scenario.fromResource("legacy.yaml"));

    private static List<String> in(Deployment d, String node, String namespace, String command) {
        Host host = d.host(node).orElseThrow();
        return HostShell.lines(host, "ip netns exec " + namespace + " " + command);
    }

    /** Seed 000: compute1's router part holds RED1's floating IP 200.0.0.7 behind the rfp link. */
    @Test
    void distributedRouterNatsTheFloatingIpOnItsRfpLink() {
        assertThat(in(DVR, "compute1", "qrouter-" + VR, "iptables -S -t nat")).containsExactly(
                "-P PREROUTING ACCEPT", "-P INPUT ACCEPT", "-P OUTPUT ACCEPT", "-P POSTROUTING ACCEPT",
                "-N neutron-l3-agent-OUTPUT", "-N neutron-l3-agent-POSTROUTING", "-N neutron-l3-agent-PREROUTING",
                "-N neutron-l3-agent-float-snat", "-N neutron-l3-agent-snat", "-N neutron-postrouting-bottom",
                "-A PREROUTING -j neutron-l3-agent-PREROUTING", "-A OUTPUT -j neutron-l3-agent-OUTPUT",
                "-A POSTROUTING -j neutron-l3-agent-POSTROUTING", "-A POSTROUTING -j neutron-postrouting-bottom",
                "-A neutron-l3-agent-POSTROUTING ! -i rfp-983bb01f-5 ! -o rfp-983bb01f-5 -m conntrack ! --ctstate DNAT "
                        + "-j ACCEPT",
                "-A neutron-l3-agent-PREROUTING -d 200.0.0.7/32 -i rfp-983bb01f-5 -j DNAT --to-destination 10.0.0.4",
                "-A neutron-l3-agent-PREROUTING -d 169.254.169.254/32 -i qr-+ -p tcp -m tcp --dport 80 "
                        + "-j REDIRECT --to-ports 9697",
                "-A neutron-l3-agent-float-snat -s 10.0.0.4/32 -j SNAT --to-source 200.0.0.7",
                "-A neutron-l3-agent-snat -j neutron-l3-agent-float-snat",
                "-A neutron-postrouting-bottom -m comment --comment \"Perform source NAT on outgoing traffic.\" "
                        + "-j neutron-l3-agent-snat");
    }

    /** The rfp link joins the scope devices; the dict puts it first (CPython 2.7 order). */
    @Test
    void distributedRouterMarksItsDevicesAndTheRfpLink() {
        assertThat(in(DVR, "compute1", "qrouter-" + VR, "iptables -t mangle -S neutron-l3-agent-scope"))
                .containsExactly("-N neutron-l3-agent-scope",
                        "-A neutron-l3-agent-scope -i rfp-983bb01f-5 -j MARK --set-xmark 0x4000000/0xffff0000",
                        "-A neutron-l3-agent-scope -i qr-df268ade-b6 -j MARK --set-xmark 0x4000000/0xffff0000",
                        "-A neutron-l3-agent-scope -i qr-1a2e76b2-1a -j MARK --set-xmark 0x4000000/0xffff0000");
        assertThat(in(DVR, "compute1", "qrouter-" + VR, "iptables -S neutron-l3-agent-scope")).hasSize(4)
                .contains("-A neutron-l3-agent-scope -o rfp-983bb01f-5 -m mark ! --mark 0x4000000/0xffff0000 -j DROP");
    }

    /** Without a floating IP on the node, dvr_local_router empties snat and leaves it so. */
    @Test
    void distributedRouterWithoutFloatingIpsNatsNothing() {
        List<String> nat = in(DVR, "compute2", "qrouter-" + VR, "iptables -S -t nat");
        assertThat(nat).noneMatch(l -> l.startsWith("-A neutron-l3-agent-snat") || l.contains("DNAT --to"))
                .noneMatch(l -> l.startsWith("-A neutron-l3-agent-POSTROUTING"));
        assertThat(in(DVR, "compute2", "qrouter-" + VR, "iptables -t mangle -S neutron-l3-agent-mark"))
                .containsExactly("-N neutron-l3-agent-mark");
    }

    /** Seed 000: the controller's snat namespace SNATs to VR's gateway address 200.0.0.3, without the float-snat jump. */
    @Test
    void snatNamespaceSnatsToTheGateway() {
        String snat = "snat-" + VR;
        assertThat(in(DVR, "controller", snat, "iptables -t nat -S neutron-l3-agent-snat")).containsExactly(
                "-N neutron-l3-agent-snat",
                "-A neutron-l3-agent-snat -o qg-774615d7-b1 -j SNAT --to-source 200.0.0.3",
                "-A neutron-l3-agent-snat -m mark ! --mark 0x2/0xffff -m conntrack --ctstate DNAT "
                        + "-j SNAT --to-source 200.0.0.3");
        List<String> list = HostShell.lines(DVR.host("controller").orElseThrow(),
                "ip netns exec " + snat + " iptables --list -t nat");
        assertThat(list).contains(
                "SNAT       all  --  anywhere             anywhere             to:200.0.0.3",
                "SNAT       all  --  anywhere             anywhere             mark match ! 0x2/0xffff ctstate DNAT "
                        + "to:200.0.0.3");
        assertThat(in(DVR, "controller", snat, "iptables -t nat -S")).noneMatch(l -> l.contains("169.254.169.254"));
        assertThat(in(DVR, "controller", snat, "iptables -S neutron-l3-agent-scope")).containsExactly(
                "-N neutron-l3-agent-scope",
                "-A neutron-l3-agent-scope -o sg-c952c562-00 -m mark ! --mark 0x4000000/0xffff0000 -j DROP",
                "-A neutron-l3-agent-scope -o sg-f4a578dc-cb -m mark ! --mark 0x4000000/0xffff0000 -j DROP");
    }

    @Test
    void fipNamespaceTracksNothing() {
        assertThat(in(DVR, "compute1", "fip-6abc926e-f5a5-4cf7-a723-6508ee900de8", "iptables -t raw -S"))
                .contains("-A neutron-l3-agent-PREROUTING -j CT --notrack");
    }

    /** r1 SNATs: its gateway may send anything, marks what comes in and saves the scope mark of what goes out. */
    @Test
    void legacyRouterWithSnat() {
        String ns = "qrouter-bfc87e1e-6b93-446f-a305-6dc6153c1198";
        assertThat(in(LEGACY, "network-node", ns, "iptables -t mangle -S")).contains(
                "-A neutron-l3-agent-POSTROUTING -o qg-a1b3323f-35 -m connmark --mark 0x0/0xffff0000 "
                        + "-j CONNMARK --save-mark --nfmask 0xffff0000 --ctmask 0xffff0000",
                "-A neutron-l3-agent-mark -i qg-a1b3323f-35 -j MARK --set-xmark 0x2/0xffff",
                "-A neutron-l3-agent-PREROUTING -d 169.254.169.254/32 -i qr-+ -p tcp -m tcp --dport 80 "
                        + "-j MARK --set-xmark 0x1/0xffff");
        assertThat(in(LEGACY, "network-node", ns, "iptables -S")).containsSubsequence(
                "-A neutron-l3-agent-INPUT -m mark --mark 0x1/0xffff -j ACCEPT",
                "-A neutron-l3-agent-INPUT -p tcp -m tcp --dport 9697 -j DROP",
                "-A neutron-l3-agent-scope -o qr-2c628d36-76 -m mark ! --mark 0x4000000/0xffff0000 -j DROP")
                .noneMatch(l -> l.startsWith("-A neutron-l3-agent-scope -o qg-"));
    }

    /** r2 has SNAT off: no SNAT to the gateway, no connmark save, and its gateway is filtered by scope too. */
    @Test
    void legacyRouterWithoutSnat() {
        String ns = "qrouter-0b0cb65f-3739-4ca8-a68b-271545681aa7";
        assertThat(in(LEGACY, "network-node", ns, "iptables -t nat -S neutron-l3-agent-snat")).containsExactly(
                "-N neutron-l3-agent-snat", "-A neutron-l3-agent-snat -j neutron-l3-agent-float-snat",
                "-A neutron-l3-agent-snat -m mark ! --mark 0x2/0xffff -m conntrack --ctstate DNAT "
                        + "-j SNAT --to-source 172.24.4.2");
        assertThat(in(LEGACY, "network-node", ns, "iptables -t mangle -S neutron-l3-agent-POSTROUTING"))
                .containsExactly("-N neutron-l3-agent-POSTROUTING");
        assertThat(in(LEGACY, "network-node", ns, "iptables -S neutron-l3-agent-scope")).containsExactly(
                "-N neutron-l3-agent-scope",
                "-A neutron-l3-agent-scope -o qg-ede3b53d-da -m mark ! --mark 0x4000000/0xffff0000 -j DROP",
                "-A neutron-l3-agent-scope -o qr-b9a4d300-68 -m mark ! --mark 0x4000000/0xffff0000 -j DROP");
    }

    @Test
    void dhcpNamespaceFillsReplyChecksums() {
        assertThat(in(LEGACY, "network-node", "qdhcp-1763ddbb-7689-4266-919d-e250e7577749",
                "iptables -t mangle -S neutron-dhcp-age-POSTROUTING")).containsExactly(
                "-N neutron-dhcp-age-POSTROUTING",
                "-A neutron-dhcp-age-POSTROUTING -p udp -m udp --dport 68 -j CHECKSUM --checksum-fill");
    }
}
