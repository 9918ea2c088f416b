package dev.packetwalk.linux.stack;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.net.sim.Hop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NetStackTest {
    static String run(Host host, String script) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        new Shell(host).runScript(script, out, err);
        return out.toString() + err;
    }

    static final String ROUTER = String.join("\n",
            "ip netns add vm", "ip netns add r", "ip netns add ext",
            "ip link add qr type veth peer name tap", "ip link add qg type veth peer name up0",
            "ip link set qr netns r", "ip link set qg netns r", "ip link set tap netns vm",
            "ip link set up0 netns ext",
            "ip -n vm addr add 10.0.0.5/24 dev tap", "ip -n vm link set tap up",
            "ip -n vm route add default via 10.0.0.1",
            "ip -n r addr add 10.0.0.1/24 dev qr", "ip -n r link set qr up",
            "ip -n r addr add 172.24.4.3/24 dev qg", "ip -n r link set qg up",
            "ip -n ext addr add 172.24.4.1/24 dev up0", "ip -n ext link set up0 up",
            "ip netns exec r sysctl -qw net.ipv4.ip_forward=1",
            "ip netns exec r iptables -t nat -A POSTROUTING -o qg -j SNAT --to-source 172.24.4.3", "");

    @Test
    void snatConnectionIsFoundAgain() {
        Host host = Hosts.unshared("h");
        String out = run(host, ROUTER + "ip netns exec vm ping -c 2 172.24.4.1\nip netns exec r conntrack -L\n"
                + "ip netns exec r iptables -t nat -S -v\n");
        assertThat(out).contains("2 packets transmitted, 2 received, 0% packet loss")
                .contains("src=10.0.0.5 dst=172.24.4.1 type=8 code=0 id=")
                .contains("-A POSTROUTING -o qg -c 1 84 -j SNAT --to-source 172.24.4.3");
        Hop forwarded = host.kernel().stack().simulation().walk().hops().stream()
                .filter(h -> h.node().equals("r") && "qr".equals(h.in()) && "qg".equals(h.out())
                        && h.after().ipv4() != null)
                .findFirst().orElseThrow();
        assertThat(forwarded.decisions()).anyMatch(d -> d instanceof StackDecision.RouteChosen)
                .anyMatch(d -> d instanceof StackDecision.NatApplied n && n.source())
                .anyMatch(d -> d instanceof StackDecision.NeighbourResolved);
        assertThat(forwarded.after().ipv4().src()).isEqualTo(dev.packetwalk.net.Ipv4.parse("172.24.4.3"));
        assertThat(forwarded.after().ipv4().ttl()).isEqualTo(63);
    }

    @Test
    void routeChosenNamesThePolicyRuleThatChoseTheTable() {
        Host host = Hosts.unshared("h");
        String out = run(host, ROUTER + "ip -n r route add default via 172.24.4.1 dev qg table 16\n"
                + "ip -n r rule add from 10.0.0.5 table 16 priority 57481\n"
                + "ip netns exec vm ping -c 1 172.24.4.1\n");
        assertThat(out).contains("1 received");
        var chosen = host.kernel().stack().simulation().walk().hops().stream()
                .filter(h -> h.node().equals("r") && "qr".equals(h.in()))
                .flatMap(h -> h.decisions().stream())
                .filter(d -> d instanceof StackDecision.RouteChosen).map(d -> (StackDecision.RouteChosen) d)
                .findFirst().orElseThrow();
        // The connected route in main wins: rule 32766 comes before 57481.
        assertThat(chosen.table()).isEqualTo(254);
        assertThat(chosen.rulePriority()).isEqualTo(32766);
        assertThat(chosen.text()).endsWith("table 254 (rule 32766)");
        var unruled = host.kernel().stack().simulation().walk().hops().stream()
                .filter(h -> h.node().equals("vm"))
                .flatMap(h -> h.decisions().stream())
                .filter(d -> d instanceof StackDecision.RouteChosen).map(d -> (StackDecision.RouteChosen) d)
                .findFirst().orElseThrow();
        assertThat(unruled.rulePriority()).isEqualTo(-1);
    }
}
