package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.agent.HostShell;
import dev.packetwalk.cloud.model.AddressPair;
import dev.packetwalk.cloud.model.AgentOptions;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.Direction;
import dev.packetwalk.cloud.model.Neutron.RuleSpec;
import dev.packetwalk.cloud.model.Nova;
import dev.packetwalk.cloud.model.Pins;
import dev.packetwalk.cloud.model.SecurityGroup;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.host.Host;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the firewall writes security group rules and ports (iptables_firewall in Ocata); the
 * rule texts are what the real iptables 1.8.9 prints for the arguments Neutron gives it.
 */
class FirewallRulesTest {
    private static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String Z = "ffffffff-0000-4000-8000-000000000002";
    private static final String I_A = "-A neutron-openvswi-iaaaaaaaa-0 ";
    private static final String O_A = "-A neutron-openvswi-oaaaaaaaa-0 ";

    private final OnePortCloud c = new OnePortCloud(ReleaseProfile.OCATA, AgentOptions.DEFAULTS);

    private SecurityGroup group(String name) {
        return c.neutron.createSecurityGroup(null, name, null, null, null);
    }

    private void rule(SecurityGroup g, Direction d, String protocol, Integer min, Integer max, String prefix,
            String remote) {
        c.neutron.addRule(g.id(), new RuleSpec(null, d, "IPv4", protocol, min, max,
                prefix == null ? null : Cidr.parse(prefix), remote));
    }

    private static List<String> chain(Host host, String prefix) {
        return HostShell.lines(host, "iptables -S").stream().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void translatesProtocolsPortsAndPrefixes() {
        SecurityGroup g = group("web");
        rule(g, Direction.INGRESS, "tcp", 22, 22, "10.1.0.0/16", null);
        rule(g, Direction.INGRESS, "tcp", 1000, 2000, null, null);
        rule(g, Direction.INGRESS, "6", 3000, 4000, null, null);
        rule(g, Direction.INGRESS, "17", 53, 53, null, null);
        rule(g, Direction.INGRESS, "icmp", 8, 0, null, null);
        rule(g, Direction.INGRESS, "icmp", 3, null, null, null);
        rule(g, Direction.INGRESS, "icmp", null, null, "0.0.0.0/0", null);
        rule(g, Direction.INGRESS, "udp", null, null, "10.2.3.4/32", null);
        rule(g, Direction.EGRESS, "tcp", 443, 443, "10.0.0.0/8", null);
        SecurityGroup again = group("again");
        rule(again, Direction.INGRESS, "tcp", 22, 22, "10.1.0.0/16", null);
        c.vm("vm", "192.168.1.5", null, A, List.of(g.id(), again.id()));
        Host compute = c.compute();
        assertThat(chain(compute, I_A)).containsExactly(
                I_A + "-m state --state RELATED,ESTABLISHED -m comment --comment \"Direct packets associated with a "
                        + "known session to the RETURN chain.\" -j RETURN",
                I_A + "-s 192.168.1.2/32 -p udp -m udp --sport 67 --dport 68 -j RETURN",
                I_A + "-s 10.1.0.0/16 -p tcp -m tcp --dport 22 -j RETURN",
                I_A + "-p tcp -m tcp -m multiport --dports 1000:2000 -j RETURN",
                I_A + "-p tcp -m multiport --dports 3000:4000 -j RETURN",
                I_A + "-p udp -m udp --dport 53 -j RETURN",
                I_A + "-p icmp -m icmp --icmp-type 8/0 -j RETURN",
                I_A + "-p icmp -m icmp --icmp-type 3 -j RETURN",
                I_A + "-p icmp -j RETURN",
                I_A + "-s 10.2.3.4/32 -p udp -j RETURN",
                I_A + "-m state --state INVALID -m comment --comment \"Drop packets that appear related to an existing "
                        + "connection (e.g. TCP ACK/FIN) but do not have an entry in conntrack.\" -j DROP",
                I_A + "-m comment --comment \"Send unmatched traffic to the fallback chain.\" "
                        + "-j neutron-openvswi-sg-fallback");
        assertThat(chain(compute, O_A)).contains(O_A + "-d 10.0.0.0/8 -p tcp -m tcp --dport 443 -j RETURN");
    }

    @Test
    void remoteGroupsMatchTheirSetBySourceInAndByDestinationOut() {
        SecurityGroup g = group("peers");
        rule(g, Direction.INGRESS, "tcp", 22, 22, null, g.id());
        rule(g, Direction.EGRESS, null, null, null, null, g.id());
        c.vm("vm", "192.168.1.5", null, A, List.of(g.id()));
        Host compute = c.compute();
        String set = RemoteGroupSets.name(g.id());
        assertThat(chain(compute, I_A)).contains(I_A + "-p tcp -m tcp --dport 22 -m set --match-set " + set + " src -j RETURN");
        assertThat(chain(compute, O_A)).contains(O_A + "-m set --match-set " + set + " dst -j RETURN");
    }

    /** Ocata creates a remote group's set when a rule names the group, members or not (ipset_manager.set_members). */
    @Test
    void anEmptyRemoteGroupStillGetsItsSet() {
        SecurityGroup nobody = group("nobody");
        SecurityGroup g = group("guarded");
        rule(g, Direction.INGRESS, "tcp", 22, 22, null, nobody.id());
        c.vm("vm", "192.168.1.5", null, A, List.of(g.id()));
        Host compute = c.compute();
        String set = RemoteGroupSets.name(nobody.id());
        assertThat(HostShell.run(compute, "ipset list " + set)).contains("Number of entries: 0\n", "References: 1\n");
        assertThat(chain(compute, I_A)).contains(I_A + "-p tcp -m tcp --dport 22 -m set --match-set " + set + " src -j RETURN");
    }

    @Test
    void withoutIpsetsEachOtherMemberIsARule() {
        OnePortCloud noSets = new OnePortCloud(ReleaseProfile.OCATA, new AgentOptions(false, false, false, true, true));
        noSets.vm("a", "192.168.1.5", null, A, null);
        noSets.vm("z", "192.168.1.6", null, Z, null);
        Host compute = noSets.compute();
        assertThat(chain(compute, I_A)).contains(I_A + "-s 192.168.1.6/32 -j RETURN")
                .noneMatch(l -> l.contains("192.168.1.5/32") || l.contains("match-set"));
        assertThat(HostShell.run(compute, "ipset list")).isEmpty();
    }

    @Test
    void allowedAddressPairsComeBeforeTheFixedIpAndJoinTheSet() {
        long mac = MacAddress.parseBits("fa:16:3e:00:00:01");
        c.vm(new Nova.NicSpec(c.network.id(), Ipv4.parse("192.168.1.5"), mac, A, null, true,
                List.of(new AddressPair(Cidr.parse("10.9.0.0/24"), MacAddress.parseBits("fa:16:3e:00:00:99")))));
        Host compute = c.compute();
        String comment = " -m comment --comment \"Allow traffic from defined IP/MAC pairs.\" -j RETURN";
        assertThat(chain(compute, "-A neutron-openvswi-saaaaaaaa-0")).containsExactly(
                "-A neutron-openvswi-saaaaaaaa-0 -s 10.9.0.0/24 -m mac --mac-source fa:16:3e:00:00:99" + comment,
                "-A neutron-openvswi-saaaaaaaa-0 -s 192.168.1.5/32 -m mac --mac-source fa:16:3e:00:00:01" + comment,
                "-A neutron-openvswi-saaaaaaaa-0 -m comment --comment \"Drop traffic without an IP/MAC allow rule.\" -j DROP");
        assertThat(HostShell.run(compute, "ipset list " + RemoteGroupSets.name(OnePortCloud.DEFAULT_GROUP)))
                .contains("Members:\n192.168.1.5\n10.9.0.0/24\n");
    }

    @Test
    void aPortWithoutPortSecurityIsLetThrough() {
        c.vm(new Nova.NicSpec(c.network.id(), Ipv4.parse("192.168.1.5"), null, A, List.of(), false, List.of()));
        Host compute = c.compute();
        String accept = " --physdev-is-bridged -m comment --comment \"Accept all packets when port security is disabled.\" "
                + "-j ACCEPT";
        assertThat(chain(compute, "-A neutron-openvswi-")).containsExactly(
                "-A neutron-openvswi-FORWARD -m physdev --physdev-out tapaaaaaaaa-00" + accept,
                "-A neutron-openvswi-FORWARD -m physdev --physdev-in tapaaaaaaaa-00" + accept,
                "-A neutron-openvswi-INPUT -m physdev --physdev-in tapaaaaaaaa-00" + accept,
                "-A neutron-openvswi-sg-chain -j ACCEPT",
                "-A neutron-openvswi-sg-fallback -m comment --comment \"Default drop rule for unmatched traffic.\" -j DROP");
    }

    /** Chains go by port id, zones by boot order: z booted first gets zone 1 though a's rules come first. */
    @Test
    void zonesGoByBootOrderAndPins() {
        c.vm("z", "192.168.1.6", null, Z, null);
        c.vm("a", "192.168.1.5", null, A, null);
        assertThat(HostShell.lines(c.compute(), "iptables -t raw -S neutron-openvswi-PREROUTING")).containsExactly(
                "-N neutron-openvswi-PREROUTING",
                "-A neutron-openvswi-PREROUTING -m physdev --physdev-in qvbaaaaaaaa-00 -j CT --zone 2",
                "-A neutron-openvswi-PREROUTING -m physdev --physdev-in tapaaaaaaaa-00 -j CT --zone 2",
                "-A neutron-openvswi-PREROUTING -m physdev --physdev-in qvbffffffff-00 -j CT --zone 1",
                "-A neutron-openvswi-PREROUTING -m physdev --physdev-in tapffffffff-00 -j CT --zone 1");
        Pins pinned = new Pins(null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(A, 7));
        OnePortCloud p = new OnePortCloud(ReleaseProfile.OCATA, AgentOptions.DEFAULTS, pinned);
        p.vm("z", "192.168.1.6", null, Z, null);
        p.vm("a", "192.168.1.5", null, A, null);
        assertThat(HostShell.lines(p.compute(), "iptables -t raw -S neutron-openvswi-PREROUTING"))
                .contains("-A neutron-openvswi-PREROUTING -m physdev --physdev-in tapaaaaaaaa-00 -j CT --zone 7",
                        "-A neutron-openvswi-PREROUTING -m physdev --physdev-in tapffffffff-00 -j CT --zone 8");
    }
}
