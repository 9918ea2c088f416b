package dev.packetwalk.linux;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packet path against the real kernel: the same scripts (namespaces, veths, a bridge with
 * br_netfilter, a NAT router with policy routing) through bash in a private network namespace
 * and through Packetwalk; ping output, neighbours, conntrack and iptables counters must agree
 * once round-trip times, ping ids and conntrack timeouts are normalised.
 */
class PathDifferentialTest {

    @BeforeAll
    static void oracleAvailable() {
        String reason = RealKernel.unavailableReason();
        assumeTrue(reason == null, reason);
    }

    private static final Pattern[] RUN_SPECIFIC = {
        Pattern.compile("time=[0-9.]+ ms"), Pattern.compile("time [0-9]+ms"),
        Pattern.compile("rtt min/avg/max/mdev = [0-9./]+ ms"), Pattern.compile(" id=[0-9]+"),
        Pattern.compile("(?m)^(icmp|tcp|udp) +([0-9]+) [0-9]+ "),
        Pattern.compile("lladdr [0-9a-f:]+"),
    };
    private static final String[] REPLACEMENTS = {"time=T ms", "time Tms", "rtt min/avg/max/mdev = T ms", " id=I",
        "$1 $2 S ", "lladdr M"};

    private static final Pattern CT_SUMMARY = Pattern.compile("(?m)^conntrack v1.4.7 \\(conntrack-tools\\): .*\n");

    /**
     * Removes what is run-specific: round-trip times, ping ids, conntrack timeouts, random
     * MACs; the neighbour and conntrack dump orders (kernel hash tables with random seeds) are sorted, and
     * conntrack's summary (on unbuffered stderr, so first in the real run) goes last.
     */
    static String normalise(String command, String text) {
        String s = text;
        var summary = CT_SUMMARY.matcher(s);
        if (summary.find()) {
            String line = summary.group();
            s = summary.replaceAll("");
            int mark = s.lastIndexOf("@@pw-status=");
            s = s.substring(0, mark) + line + s.substring(mark);
        }
        for (int i = 0; i < RUN_SPECIFIC.length; i++) {
            s = RUN_SPECIFIC[i].matcher(s).replaceAll(REPLACEMENTS[i]);
        }
        if (command.contains(" neigh") || command.contains("conntrack -L")) {
            // Sorted once the timeouts are gone, so that they do not decide the order.
            List<String> l = new ArrayList<>(List.of(s.split("\n")));
            String status = l.remove(l.size() - 1);
            l.sort(null);
            l.add(status);
            s = String.join("\n", l) + "\n";
        }
        return s;
    }

    static void check(String name, List<String> script) {
        List<Differential.Outcome> outcomes = Differential.compare(script);
        int ok = 0;
        StringBuilder report = new StringBuilder();
        for (Differential.Outcome o : outcomes) {
            if (normalise(o.command(), o.real()).equals(normalise(o.command(), o.ours()))) {
                ok++;
            } else if (report.length() < 6000) {
                report.append("$ ").append(o.command()).append("\n--- real\n").append(o.real())
                      .append("--- packetwalk\n").append(o.ours()).append('\n');
            }
        }
        System.out.printf("%s: %d/%d commands agree with the real kernel%n", name, ok, outcomes.size());
        assertThat(report.toString()).isEmpty();
    }

    static List<String> lines(String... l) {
        return new ArrayList<>(List.of(l));
    }

    /** Two namespaces over a veth pair: ping both ways, then the neighbour tables. */
    static final List<String> VETH = lines(
            "ip netns add a", "ip netns add b",
            "ip link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b",
            "ip link set va netns a", "ip link set vb netns b",
            "ip -n a addr add 10.0.0.1/24 dev va", "ip -n b addr add 10.0.0.2/24 dev vb",
            "ip -n a link set va up", "ip -n b link set vb up", "ip -n a link set lo up",
            "ip netns exec a ping -c 2 -i 0.2 10.0.0.2",
            "ip netns exec b ping -n -c 1 10.0.0.1",
            "ip -n a neigh", "ip -n b neigh",
            "ip netns exec a ping -c 1 10.0.0.1",
            "ip netns exec a ping -c 1 -q 10.0.0.2",
            "ip netns exec a ping -c 1 10.0.5.5",
            "ip netns exec a ping -c 2 -i 0.2 10.0.0.9",
            "ip -n a neigh show dev va");

    @Test
    void vethPair() {
        check("veth pair", VETH);
    }

    /** Three namespaces on a bridge in a fourth; br_netfilter FORWARD rules with physdev. */
    static final List<String> BRIDGE = lines(
            "ip netns add br", "ip netns add h1", "ip netns add h2", "ip netns add h3",
            "ip -n br link add br0 type bridge", "ip -n br link set br0 up",
            "ip link add p1 address 02:00:00:00:01:01 type veth peer name e1 address 02:00:00:00:01:02",
            "ip link add p2 address 02:00:00:00:02:01 type veth peer name e2 address 02:00:00:00:02:02",
            "ip link add p3 address 02:00:00:00:03:01 type veth peer name e3 address 02:00:00:00:03:02",
            "ip link set p1 netns br", "ip link set p2 netns br", "ip link set p3 netns br",
            "ip link set e1 netns h1", "ip link set e2 netns h2", "ip link set e3 netns h3",
            "ip -n br link set p1 master br0", "ip netns exec br brctl addif br0 p2",
            "ip -n br link set p3 master br0",
            "ip -n br link set p1 up", "ip -n br link set p2 up", "ip -n br link set p3 up",
            "ip -n h1 addr add 192.168.9.1/24 dev e1", "ip -n h1 link set e1 up",
            "ip -n h2 addr add 192.168.9.2/24 dev e2", "ip -n h2 link set e2 up",
            "ip -n h3 addr add 192.168.9.3/24 dev e3", "ip -n h3 link set e3 up",
            "ip netns exec br sysctl net.bridge.bridge-nf-call-iptables",
            "ip netns exec br iptables -A FORWARD -m physdev --physdev-in p3 --physdev-is-bridged -j DROP",
            "ip netns exec br iptables -A FORWARD -m physdev --physdev-out p2 --physdev-is-bridged -j ACCEPT",
            "ip netns exec br iptables -A FORWARD -m physdev --physdev-in p2 --physdev-is-bridged -j ACCEPT",
            "#real sleep 1",
            "ip netns exec h1 ping -c 2 -i 0.2 192.168.9.2",
            "ip netns exec h3 ping -c 1 -W 1 192.168.9.2",
            "ip netns exec h2 ping -c 1 192.168.9.1",
            "ip netns exec br iptables -L FORWARD -n -v",
            "ip netns exec br iptables -P FORWARD DROP",
            "ip netns exec h1 ping -c 1 -W 1 192.168.9.3",
            "ip netns exec br iptables -L FORWARD -n -v -x",
            "ip netns exec br conntrack -L",
            "ip -n h1 neigh", "ip -n h2 neigh");

    @Test
    void bridgeWithBrNetfilter() {
        check("bridge with br_netfilter", BRIDGE);
    }

    /** A router between two subnets: policy rule to table 16, SNAT and a floating IP (DNAT). */
    static final List<String> ROUTER = lines(
            "ip netns add vm", "ip netns add r", "ip netns add ext",
            "ip link add qr address 02:00:00:00:0a:01 type veth peer name tap address 02:00:00:00:0a:02",
            "ip link add qg address 02:00:00:00:0b:01 type veth peer name up0 address 02:00:00:00:0b:02",
            "ip link set qr netns r", "ip link set qg netns r", "ip link set tap netns vm",
            "ip link set up0 netns ext",
            "ip -n vm addr add 10.0.0.5/24 dev tap", "ip -n vm link set tap up",
            "ip -n vm route add default via 10.0.0.1",
            "ip -n r addr add 10.0.0.1/24 dev qr", "ip -n r link set qr up",
            "ip -n r addr add 172.24.4.3/24 dev qg", "ip -n r link set qg up",
            "ip -n r addr add 172.24.4.10/32 dev qg",
            "ip -n ext addr add 172.24.4.1/24 dev up0", "ip -n ext link set up0 up",
            "ip -n r route add default via 172.24.4.1 dev qg table 16",
            "ip -n r rule add from 10.0.0.5 table 16 priority 57481",
            "ip netns exec r sysctl -w net.ipv4.ip_forward=1",
            "ip netns exec r iptables -t nat -A PREROUTING -d 172.24.4.10/32 -j DNAT --to-destination 10.0.0.5",
            "ip netns exec r iptables -t nat -A POSTROUTING -s 10.0.0.5/32 -o qg -j SNAT --to-source 172.24.4.10",
            "ip netns exec r iptables -t nat -A POSTROUTING -o qg -j SNAT --to-source 172.24.4.3",
            "ip -n r rule",
            "ip netns exec vm ping -c 2 -i 0.2 172.24.4.1",
            "ip netns exec ext ping -c 2 -i 0.2 172.24.4.10",
            "ip netns exec ext ping -c 1 10.0.0.5",
            "ip netns exec vm ping -c 1 -t 1 172.24.4.1",
            "ip netns exec r conntrack -L",
            "ip netns exec r iptables -t nat -L -n -v",
            "ip netns exec r iptables -t nat -L -n -v -x",
            "ip -n r neigh", "ip -n ext neigh");

    @Test
    void routerWithNat() {
        check("router with NAT", ROUTER);
    }

    /** TTL exceeded, unreachables, REJECT, proxy ARP on an fg-like device, ip_forward off. */
    static final List<String> EDGES = lines(
            "ip netns add a", "ip netns add r", "ip netns add fip",
            "ip link add ra address 02:00:00:00:0c:01 type veth peer name va address 02:00:00:00:0c:02",
            "ip link add fg address 02:00:00:00:0d:01 type veth peer name gw address 02:00:00:00:0d:02",
            "ip link set ra netns r", "ip link set va netns a", "ip link set fg netns r", "ip link set gw netns fip",
            "ip -n a addr add 10.1.0.2/24 dev va", "ip -n a link set va up", "ip -n a link set lo up",
            "ip -n a route add default via 10.1.0.1",
            "ip -n r addr add 10.1.0.1/24 dev ra", "ip -n r link set ra up",
            "ip -n r addr add 172.24.5.2/24 dev fg", "ip -n r link set fg up",
            "ip -n fip addr add 172.24.5.1/24 dev gw", "ip -n fip link set gw up",
            "ip -n fip route add default via 172.24.5.2",
            "ip netns exec fip ping -c 1 -W 1 10.1.0.2",
            "ip netns exec a ping -c 1 -W 1 172.24.5.1",
            "ip netns exec r sysctl -w net.ipv4.ip_forward=1",
            "ip netns exec a ping -c 1 172.24.5.1",
            "ip netns exec a ping -c 1 -t 1 172.24.5.1",
            "ip netns exec a ping -c 1 192.0.2.1",
            "ip -n r route add 172.24.5.99/32 dev ra",
            "ip netns exec r sysctl -w net.ipv4.conf.fg.proxy_arp=1",
            "ip -n fip route add 172.24.5.99/32 dev gw",
            "ip netns exec fip ping -c 1 -W 1 172.24.5.99",
            "ip -n fip neigh show 172.24.5.99",
            "ip netns exec r iptables -A FORWARD -s 10.1.0.2 -p icmp -j REJECT",
            "ip netns exec a ping -c 1 172.24.5.1",
            "ip netns exec r iptables -I FORWARD -s 10.1.0.2 -p icmp -j REJECT --reject-with icmp-host-prohibited",
            "ip netns exec a ping -c 1 172.24.5.1",
            "ip netns exec r iptables -L FORWARD -n -v -x",
            "ip netns exec r iptables -F FORWARD",
            "ip netns exec r iptables -A INPUT -p icmp -j DROP",
            "ip netns exec a ping -c 1 -W 1 10.1.0.1",
            "ip netns exec r iptables -L INPUT -n -v -x",
            "ip netns exec a ping -c 1 -W 1 -s 100 -q 172.24.5.1",
            "ip netns exec a ping -c 1 10.1.0.2",
            "ip netns exec fip ping -c 1 -w 1 10.1.0.2");

    @Test
    void ttlUnreachableProxyArpAndForwarding() {
        check("TTL, unreachables, REJECT, proxy ARP, ip_forward", EDGES);
    }

    /**
     * Unicast flooding on a bridge with br_netfilter: a frame for a MAC the bridge has not
     * learned goes out of every other port; PREROUTING counts it once, FORWARD and
     * POSTROUTING once per port.
     */
    static final List<String> FLOOD = lines(
            "ip netns add br", "ip netns add h1", "ip netns add h2", "ip netns add h3",
            "ip -n br link add br0 type bridge", "ip -n br link set br0 up",
            "ip link add p1 address 02:00:00:00:01:01 type veth peer name e1 address 02:00:00:00:01:02",
            "ip link add p2 address 02:00:00:00:02:01 type veth peer name e2 address 02:00:00:00:02:02",
            "ip link add p3 address 02:00:00:00:03:01 type veth peer name e3 address 02:00:00:00:03:02",
            "ip link set p1 netns br", "ip link set p2 netns br", "ip link set p3 netns br",
            "ip link set e1 netns h1", "ip link set e2 netns h2", "ip link set e3 netns h3",
            "ip -n br link set p1 master br0", "ip -n br link set p2 master br0", "ip -n br link set p3 master br0",
            "ip -n br link set p1 up", "ip -n br link set p2 up", "ip -n br link set p3 up",
            "ip -n h1 addr add 192.168.9.1/24 dev e1", "ip -n h1 link set e1 up",
            "ip -n h2 addr add 192.168.9.2/24 dev e2", "ip -n h2 link set e2 up",
            "ip -n h3 addr add 192.168.9.3/24 dev e3", "ip -n h3 link set e3 up",
            "ip -n h1 neigh add 192.168.9.9 lladdr 02:00:00:00:09:09 dev e1",
            "ip netns exec br iptables -t mangle -A PREROUTING -p icmp",
            "ip netns exec br iptables -t mangle -A FORWARD -m physdev --physdev-out p2",
            "ip netns exec br iptables -t mangle -A FORWARD -m physdev --physdev-out p3",
            "ip netns exec br iptables -A FORWARD -m physdev --physdev-out p2 -j ACCEPT",
            "ip netns exec br iptables -A FORWARD -m physdev --physdev-out p3 -j DROP",
            "ip netns exec br iptables -t mangle -A POSTROUTING -m physdev --physdev-out p2",
            "ip netns exec br iptables -t mangle -A POSTROUTING -m physdev --physdev-out p3",
            "ip netns exec h1 ping -c 2 -i 0.2 -W 0.5 192.168.9.9",
            "ip netns exec br iptables -t mangle -L -n -v -x",
            "ip netns exec br iptables -L FORWARD -n -v -x",
            "ip netns exec br conntrack -L");

    @Test
    void floodingRunsForwardPerPort() {
        check("bridge flooding with br_netfilter", FLOOD);
    }
}
