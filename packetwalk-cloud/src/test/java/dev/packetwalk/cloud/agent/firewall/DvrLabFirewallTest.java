package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.agent.HostShell;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.SecurityGroup;
import dev.packetwalk.cloud.scenario.Scenario;
import dev.packetwalk.host.Host;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's firewall commands on compute1 of the dvr lab, where RED1 (Koopa, port
 * 0e6fb773-…, 10.0.0.4) and RED2 (Goomba, port 399c2a5e-…, 10.0.0.5) are in the default group
 * and the group {@code lab} (ICMP from anywhere, SSH from the group's members).
 */
class DvrLabFirewallTest {
    private static final Cloud CLOUD = Scenario.fromResource("dvr.yaml");
    private static final Host COMPUTE1 = Deployment.render(CLOUD).host("compute1").orElseThrow();

    private static String set(String groupName) {
        SecurityGroup g = CLOUD.securityGroups().stream().filter(x -> x.name().equals(groupName)).findFirst().orElseThrow();
        return RemoteGroupSets.name(g.id());
    }

    @Test
    void koopasEgressChainAllowsDhcpAndStopsDhcpSpoofing() {
        List<String> lines = HostShell.lines(COMPUTE1, "iptables -S | grep o0e6fb773");
        assertThat(lines).contains("-N neutron-openvswi-o0e6fb773-9",
                "-A neutron-openvswi-INPUT -m physdev --physdev-in tap0e6fb773-92 --physdev-is-bridged -m comment "
                        + "--comment \"Direct incoming traffic from VM to the security group chain.\" "
                        + "-j neutron-openvswi-o0e6fb773-9",
                "-A neutron-openvswi-sg-chain -m physdev --physdev-in tap0e6fb773-92 --physdev-is-bridged -m comment "
                        + "--comment \"Jump to the VM specific chain.\" -j neutron-openvswi-o0e6fb773-9");
        assertThat(lines).filteredOn(l -> l.startsWith("-A neutron-openvswi-o0e6fb773-9")).containsExactly(
                "-A neutron-openvswi-o0e6fb773-9 -s 0.0.0.0/32 -d 255.255.255.255/32 -p udp -m udp --sport 68 "
                        + "--dport 67 -m comment --comment \"Allow DHCP client traffic.\" -j RETURN",
                "-A neutron-openvswi-o0e6fb773-9 -j neutron-openvswi-s0e6fb773-9",
                "-A neutron-openvswi-o0e6fb773-9 -p udp -m udp --sport 68 --dport 67 -m comment "
                        + "--comment \"Allow DHCP client traffic.\" -j RETURN",
                "-A neutron-openvswi-o0e6fb773-9 -p udp -m udp --sport 67 --dport 68 -m comment "
                        + "--comment \"Prevent DHCP Spoofing by VM.\" -j DROP",
                "-A neutron-openvswi-o0e6fb773-9 -m state --state RELATED,ESTABLISHED -m comment "
                        + "--comment \"Direct packets associated with a known session to the RETURN chain.\" -j RETURN",
                "-A neutron-openvswi-o0e6fb773-9 -j RETURN",
                "-A neutron-openvswi-o0e6fb773-9 -m state --state INVALID -m comment --comment \"Drop packets that "
                        + "appear related to an existing connection (e.g. TCP ACK/FIN) but do not have an entry in "
                        + "conntrack.\" -j DROP",
                "-A neutron-openvswi-o0e6fb773-9 -m comment --comment \"Send unmatched traffic to the fallback chain.\" "
                        + "-j neutron-openvswi-sg-fallback");
    }

    @Test
    void koopasSpoofChainHoldsItsIpMacPair() {
        String mac = dev.packetwalk.net.MacAddress.format(CLOUD.port("0e6fb773-92a4-4d1e-9c3b-6f1e2d7a8b90").mac());
        assertThat(HostShell.lines(COMPUTE1, "iptables -S neutron-openvswi-s0e6fb773-9")).containsExactly(
                "-N neutron-openvswi-s0e6fb773-9",
                "-A neutron-openvswi-s0e6fb773-9 -s 10.0.0.4/32 -m mac --mac-source " + mac
                        + " -m comment --comment \"Allow traffic from defined IP/MAC pairs.\" -j RETURN",
                "-A neutron-openvswi-s0e6fb773-9 -m comment --comment \"Drop traffic without an IP/MAC allow rule.\" "
                        + "-j DROP");
    }

    @Test
    void goombaTakesSshOnlyFromTheLabGroupsSet() {
        assertThat(HostShell.lines(COMPUTE1, "iptables -S | grep i399")).contains(
                "-A neutron-openvswi-i399c2a5e-7 -p icmp -j RETURN",
                "-A neutron-openvswi-i399c2a5e-7 -p tcp -m tcp --dport 22 -m set --match-set " + set("lab")
                        + " src -j RETURN")
                .filteredOn(l -> l.contains("--dport 22")).hasSize(1);
    }

    @Test
    void ipsetListHoldsTheGroupsMembers() {
        String out = HostShell.run(COMPUTE1, "ipset list " + set("lab"));
        assertThat(out).startsWith("Name: " + set("lab") + "\nType: hash:net\n")
                .contains("Number of entries: 2\nMembers:\n10.0.0.4\n10.0.0.5\n")
                .contains("References: 2\n");
        assertThat(HostShell.run(COMPUTE1, "ipset list " + set("default")))
                .contains("Members:\n10.0.0.4\n10.0.0.5\n10.2.2.4\n10.0.0.6\n10.2.2.5\n");
        assertThat(HostShell.lines(COMPUTE1, "ipset list -n")).containsExactlyInAnyOrder(set("lab"), set("default"));
    }

    @Test
    void zonesFollowBootOrder() {
        assertThat(HostShell.lines(COMPUTE1, "iptables -t raw -S neutron-openvswi-PREROUTING")).containsExactly(
                "-N neutron-openvswi-PREROUTING",
                "-A neutron-openvswi-PREROUTING -m physdev --physdev-in qvb0e6fb773-92 -j CT --zone 1",
                "-A neutron-openvswi-PREROUTING -m physdev --physdev-in tap0e6fb773-92 -j CT --zone 1",
                "-A neutron-openvswi-PREROUTING -m physdev --physdev-in qvb399c2a5e-71 -j CT --zone 2",
                "-A neutron-openvswi-PREROUTING -m physdev --physdev-in tap399c2a5e-71 -j CT --zone 2",
                "-A neutron-openvswi-PREROUTING -m physdev --physdev-in qvb6a27ff80-74 -j CT --zone 3",
                "-A neutron-openvswi-PREROUTING -m physdev --physdev-in tap6a27ff80-74 -j CT --zone 3");
    }

    /** The controller's OVS agent has only network ports: its firewall is the empty skeleton. */
    @Test
    void aNodeWithoutVmPortsHasTheSkeletonOnly() {
        Host controller = Deployment.render(CLOUD).host("controller").orElseThrow();
        assertThat(HostShell.lines(controller, "iptables -S")).containsExactly(
                "-P INPUT ACCEPT", "-P FORWARD ACCEPT", "-P OUTPUT ACCEPT",
                "-N neutron-filter-top", "-N neutron-openvswi-FORWARD", "-N neutron-openvswi-INPUT",
                "-N neutron-openvswi-OUTPUT", "-N neutron-openvswi-local", "-N neutron-openvswi-sg-chain",
                "-N neutron-openvswi-sg-fallback",
                "-A INPUT -j neutron-openvswi-INPUT", "-A FORWARD -j neutron-filter-top",
                "-A FORWARD -j neutron-openvswi-FORWARD", "-A OUTPUT -j neutron-filter-top",
                "-A OUTPUT -j neutron-openvswi-OUTPUT", "-A neutron-filter-top -j neutron-openvswi-local",
                "-A neutron-openvswi-sg-chain -j ACCEPT",
                "-A neutron-openvswi-sg-fallback -m comment --comment \"Default drop rule for unmatched traffic.\" -j DROP");
        assertThat(HostShell.run(controller, "ipset list")).isEmpty();
    }
}
