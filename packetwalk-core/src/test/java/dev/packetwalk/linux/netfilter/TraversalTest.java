package dev.packetwalk.linux.netfilter;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.conntrack.Connection;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraversalTest {
    private final Host host = Hosts.unshared("compute1");
    private final Shell shell = new Shell(host);
    private final Namespace ns = host.kernel().root();

    private void run(String line) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int rc = shell.runLine(line, out, err);
        assertThat(err.toString()).as(line).isEmpty();
        assertThat(rc).as(line).isZero();
    }

    private void apply(NeutronSample sample) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (NeutronSample.Step s : sample.steps()) {
            assertThat(shell.run(s.argv(), s.stdin(), out, err)).as(s.argv().toString()).isZero();
        }
    }

    private Traversal traversal(boolean live) {
        return new Traversal(ns.netfilter(), new IpSetEnv(ns.ipsets()), ns.conntrack(), dev -> 0, live, true);
    }

    private static Packet bridged(NeutronSample.Port from, NeutronSample.Port to, int dport) {
        return Packet.tcp(Ipv4.parse(from.ip()), 40000, Ipv4.parse(to.ip()), dport)
                .withBridgePorts(from.tap(), to.tap()).withSrcMac(MacAddress.parseBits(from.mac()));
    }

    @Test
    void sameGroupTrafficPassesTheHybridFirewallAndSpoofingIsDropped() {
        NeutronSample sample = new NeutronSample(42).firewall(3, true);
        apply(sample);
        List<NeutronSample.Port> ports = sample.ports();
        Traversal t = traversal(true);

        assertThat(t.start(bridged(ports.get(0), ports.get(1), 22)).run(Hook.FORWARD)).isTrue();
        assertThat(t.steps()).extracting(Step::action).contains("jump neutron-openvswi-sg-chain", "ACCEPT");
        assertThat(t.steps().get(t.steps().size() - 1).chain()).isEqualTo("neutron-openvswi-sg-chain");

        Packet spoofed = bridged(ports.get(0), ports.get(1), 22).withSrcMac(MacAddress.parseBits("fa:16:3e:00:00:01"));
        assertThat(t.start(spoofed).run(Hook.FORWARD)).isFalse();
        Step last = t.steps().get(t.steps().size() - 1);
        assertThat(last.chain()).isEqualTo("neutron-openvswi-s" + ports.get(0).short10());
        assertThat(last.action()).isEqualTo("DROP");
    }

    @Test
    void countersChangeOnlyInLiveMode() {
        run("iptables -A INPUT -p tcp --dport 22 -j ACCEPT");
        Packet p = Packet.tcp(Ipv4.parse("10.0.0.1"), 1234, Ipv4.parse("10.0.0.2"), 22);
        traversal(false).start(p).run(Hook.INPUT);
        Rule r = ns.netfilter().table("filter").chain("INPUT").rules().get(0);
        assertThat(r.packets()).isZero();
        traversal(true).start(p).run(Hook.INPUT);
        assertThat(r.packets()).isEqualTo(1);
        assertThat(r.bytes()).isEqualTo(60);
    }

    @Test
    void dnatIsRecordedInConntrackAndUndoneOnTheReply() {
        run("iptables -t nat -A PREROUTING -d 172.24.4.10/32 -j DNAT --to-destination 192.168.1.5");
        run("iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        run("iptables -A FORWARD -m conntrack --ctstate DNAT -j ACCEPT");
        run("iptables -P FORWARD DROP");
        Packet in = Packet.icmp(Ipv4.parse("8.8.8.8"), Ipv4.parse("172.24.4.10"), 8, 0);
        Traversal t = traversal(true).start(in);
        assertThat(t.run(Hook.PREROUTING)).isTrue();
        assertThat(Ipv4.format(t.packet().dst())).isEqualTo("192.168.1.5");
        assertThat(t.run(Hook.FORWARD)).isTrue();
        assertThat(t.run(Hook.POSTROUTING)).isTrue();
        List<Connection> conns = ns.conntrack().connections();
        assertThat(conns).hasSize(1);
        assertThat(conns.get(0).dnat()).isTrue();

        Packet reply = Packet.icmp(Ipv4.parse("192.168.1.5"), Ipv4.parse("8.8.8.8"), 0, 0);
        Traversal r = traversal(true).start(reply);
        assertThat(r.run(Hook.PREROUTING)).isTrue();
        assertThat(r.packet().ctState() & CtState.ESTABLISHED).isNotZero();
        assertThat(r.run(Hook.FORWARD)).isTrue();
        assertThat(r.run(Hook.POSTROUTING)).isTrue();
        assertThat(Ipv4.format(r.packet().src())).isEqualTo("172.24.4.10");
        assertThat(ns.conntrack().connections().get(0).replied()).isTrue();
    }

    @Test
    void conntrackZoneComesFromTheRawTable() {
        run("iptables -t raw -A PREROUTING -m physdev --physdev-in tapx -j CT --zone 4097");
        Packet p = Packet.udp(Ipv4.parse("10.0.0.1"), 68, Ipv4.parse("10.0.0.2"), 67).withBridgePorts("tapx", "tapy");
        Traversal t = traversal(true).start(p);
        t.run(Hook.PREROUTING);
        t.run(Hook.FORWARD);
        t.run(Hook.POSTROUTING);
        assertThat(ns.conntrack().connections().get(0).zone()).isEqualTo(4097);
    }

    @Test
    void userChainReturnFallsBackToThePolicy() {
        run("iptables -N a");
        run("iptables -A INPUT -j a");
        run("iptables -A a -s 10.0.0.0/8 -j RETURN");
        run("iptables -A a -j DROP");
        run("iptables -P INPUT DROP");
        Packet p = Packet.udp(Ipv4.parse("10.1.1.1"), 5, Ipv4.parse("1.1.1.1"), 53);
        Traversal t = traversal(false).start(p);
        assertThat(t.run(Hook.INPUT)).isFalse();
        assertThat(t.steps()).extracting(Step::toString).containsExactly(
                "filter/INPUT #1 -A INPUT -j a -> jump a",
                "filter/a #1 -A a -s 10.0.0.0/8 -j RETURN -> RETURN",
                "filter/INPUT policy -> DROP");
    }
}
