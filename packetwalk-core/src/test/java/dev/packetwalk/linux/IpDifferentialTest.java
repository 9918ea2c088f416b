package dev.packetwalk.linux;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fixed scripts through the real kernel (private namespace) and through Packetwalk:
 * links, addresses, routes, rules, neighbours, sysctls, bridges and namespaces.
 */
class IpDifferentialTest {

    @BeforeAll
    static void oracleAvailable() {
        String reason = RealKernel.unavailableReason();
        assumeTrue(reason == null, reason);
    }

    private static void check(String name, List<String> script) {
        List<Differential.Outcome> outcomes = Differential.compare(script);
        long ok = Differential.agreeing(outcomes);
        System.out.printf("%s: %d/%d commands agree with the real kernel%n", name, ok,
                outcomes.size());
        assertThat(Differential.report(outcomes, 5)).isEmpty();
    }

    private static final List<String> VETHS = List.of(
            "ip link set lo up",
            "ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02",
            "ip link add w0 address 02:00:00:00:01:01 type veth peer name w1 address 02:00:00:00:01:02");

    @Test
    void linksAndAddresses() {
        List<String> s = new java.util.ArrayList<>(VETHS);
        s.addAll(List.of(
                "ip link", "ip a", "ip link set v0 up", "#real sleep 1", "ip link", "ip link set v1 up",
                "ip link show v0", "ip link show dev v1", "ip link show nope",
                "ip addr add 10.0.0.1/24 dev v0", "ip addr add 10.0.0.9/24 dev v0",
                "ip addr add 10.0.1.1/32 dev v0", "ip addr add 10.1.0.1/16 brd + dev v1",
                "ip addr add 10.2.0.1/16 broadcast 10.2.0.7 dev v1 scope link",
                "ip addr add 10.0.0.1/24 dev v0", "ip addr add 10.0.0.7/24 dev v0 scope link",
                "ip addr add 192.168.5.5/31 brd + dev w0", "ip addr add 127.0.0.5/8 dev w0",
                "ip addr add x dev v0", "ip addr add 10.0.0.1/33 dev v0",
                "ip addr add 10.0.0.1/24", "ip addr add 10.0.0.1/24 dev nope",
                "ip a", "ip -4 a", "ip -o a", "ip -o link", "ip -br a", "ip -br link",
                "ip a show v0", "ip address show dev v1", "ip -4 route show table all",
                "ip route show table all",
                "ip addr del 10.0.0.1/24 dev v0", "ip a show v0", "ip -4 route show table all",
                "ip addr del 10.9.9.9/24 dev v0", "ip addr del 10.0.1.1 dev v0",
                "ip link set w0 up", "ip link set w1 up", "#real sleep 1", "ip link set w1 down", "#real sleep 1", "ip a",
                "ip route show table all",
                "ip link set v0 mtu 1400", "ip link set v0 mtu 20", "ip link set v0 mtu 70000",
                "ip link set v0 name vv0", "ip link set vv0 address 02:00:00:00:00:09",
                "ip link set vv0 address zz", "ip link set vv0 foo", "ip link set nope up",
                "ip link add v1 type veth peer name v2", "ip link add x0 type foo",
                "ip link del v9", "ip link del vv0", "ip link", "ip a",
                "ip addr flush dev w0", "ip a show w0", "ip foo", "ip link foo",
                "ip link add vx0 address 02:00:00:00:09:01 type vxlan id 42 dstport 4789",
                "ip tuntap add tap0 mode tap", "ip link set tap0 address 02:00:00:00:09:02",
                "ip link set vx0 up", "ip link set tap0 up", "#real sleep 1", "ip link", "ip a",
                "ip tuntap add tap0 mode tap", "ip tuntap add tap1", "ip tuntap del tap0 mode tap",
                "ip link add vx1 type vxlan", "ip -br link"));
        check("links and addresses", s);
    }

    @Test
    void routesAndRules() {
        List<String> s = new java.util.ArrayList<>(VETHS);
        s.addAll(List.of(
                "ip link set v0 up", "#real sleep 1", "ip link set v1 up", "ip link set w0 up",
                "ip addr add 10.0.0.1/24 dev v0", "ip addr add 10.1.0.1/24 dev v1",
                "ip addr add 10.2.0.1/24 dev w0",
                "ip route add 192.168.0.0/16 via 10.0.0.254",
                "ip route add 192.168.0.0/16 via 10.0.0.254",
                "ip route add 192.168.0.0/16 via 10.0.0.253 metric 5",
                "ip route append 192.168.0.0/16 via 10.0.0.252 metric 5",
                "ip route prepend 192.168.0.0/16 via 10.0.0.251 metric 5",
                "ip route add 192.168.0.0/24 dev v0", "ip route add 192.0.0.0/8 dev v0 scope host",
                "ip route add 172.16.0.0/12 via 10.9.9.9", "ip route add 20.0.0.0/8 via 10.0.0.1",
                "ip route add 21.0.0.0/8 via 192.168.0.1", "ip route add 22.0.0.0/8 via 10.1.0.5 dev v0",
                "ip route add 23.0.0.0/8 via 10.0.0.5 dev v0 scope link",
                "ip route add 24.0.0.0/8 via 10.0.0.5 table 50",
                "ip route add 25.0.0.0/8 dev v0 via 10.0.0.5 src 10.9.9.9",
                "ip route add 26.0.0.0/8 dev v0 src 10.1.0.1", "ip route add 27.0.0.0/8 via 10.0.0.0",
                "ip route add 28.0.0.0/8 via 10.0.0.255", "ip route add 1.0.0.0/8",
                "ip route add 1.0.0.0/8 dev w1", "ip route add 1.0.0.0/8 via 1.2.3.4 dev v0 onlink",
                "ip route add 9.9.9.9 via 99.0.0.2 dev v0 onlink",
                "ip route add local 2.0.0.0/8 dev v0 scope link",
                "ip route add 3.0.0.0/8 dev v0 scope host via 1.1.1.1",
                "ip route add blackhole 4.0.0.0/8 dev v0", "ip route add blackhole 5.0.0.0/8",
                "ip route add unreachable 6.0.0.0/8 table 16", "ip route add prohibit 7.0.0.0/8",
                "ip route add throw 8.0.0.0/8 table 16",
                "ip route add default via 10.1.0.254 table 16",
                "ip route add 1.2.3.0/24 dev v0 src 10.0.0.1 proto static metric 5 table 167772161",
                "ip route add 8.8.8.8 via 10.0.0.2 dev v0 onlink table 4294967295",
                "ip route add 5.0.0.0/8 dev v0 table foo", "ip route add 5.0.0.0/8 dev v0 metric x",
                "ip route add x dev v0", "ip route add 1.2.3.5/24 dev v0", "ip route add 3.0.0.0/8 dev nope",
                "ip route replace 192.168.0.0/16 via 10.0.0.250", "ip route change 30.0.0.0/8 dev v0",
                "ip route", "ip route show table 16", "ip route show table 167772161",
                "ip route show table all", "ip -4 route show table all", "ip route show table foo",
                "ip route show dev v0", "ip route show table local",
                "ip route del 99.0.0.0/8", "ip route del 192.168.0.0/16 via 10.0.0.9",
                "ip route del 192.168.0.0/16 metric 5", "ip route del 192.168.0.0/16", "ip route",
                "ip rule", "ip rule add from 1.1.1.1 table 5", "ip rule add from 1.1.1.2 table 5",
                "ip rule add from 1.1.1.1 table 5 pref 32765", "ip rule add pref 10 from 1.1.1.3 table 6",
                "ip rule add from 1.1.1.4 table 7", "ip rule add pref 10 from 1.1.1.5 table 8",
                "ip rule add from 2.0.0.0/8 to 3.0.0.0/8 iif lo oif v0 fwmark 5 table main pref 20",
                "ip rule add to 4.4.4.4 lookup local pref 21", "ip rule add from all table default pref 22",
                "ip rule add not from 3.3.3.3 lookup 7 pref 5", "ip rule add pref 6 goto 100 from 4.4.4.4",
                "ip rule add goto 5 pref 10", "ip rule add from 5.5.5.5/33 table 9",
                "ip rule add from x table 9", "ip rule add from 1.2.3.4 lookup foo",
                "ip rule add fwmark 0x10/0xff00 table 9 pref 30", "ip rule add iif nosuch table 9 pref 31",
                "ip rule add from 10.0.0.0/24 table 167772161 priority 167772161",
                "ip rule add from 8.8.8.0/24 table 8 priority 4294967295",
                "ip rule add from 9.9.9.9 blackhole pref 40", "ip rule add from 9.9.9.8 unreachable pref 41",
                "ip rule add from 9.9.9.7 prohibit pref 42", "ip rule add iif",
                "ip rule", "ip rule list", "ip rule del from 1.1.1.1 table 5", "ip rule del pref 10",
                "ip rule del pref 12345", "ip rule del pref 0", "ip rule show",
                "ip route get 1.2.3.4", "ip route get 10.0.0.5"));
        check("routes and rules", s);
    }

    @Test
    void neighboursSysctlsBridgesNamespaces() {
        List<String> s = new java.util.ArrayList<>(VETHS);
        s.addAll(List.of(
                "ip link set v0 up", "ip link set v1 up", "ip addr add 10.0.0.1/24 dev v0",
                "ip neigh add 10.0.0.5 lladdr fa:16:3e:00:00:05 dev v0 nud permanent",
                "ip neigh add 10.0.0.5 lladdr fa:16:3e:00:00:05 dev v0 nud permanent",
                "ip neigh add 10.0.0.9 dev v0 nud noarp", "ip neigh add 10.0.0.1 lladdr zz dev v0",
                "ip neigh add 10.0.0.1 lladdr 00:11:22:33:44:55",
                "ip neigh show dev v0", "ip neigh show 10.0.0.5", "ip neigh",
                "ip neigh del 10.0.0.66 dev v0", "ip neigh del 10.0.0.5 dev v0", "ip neigh",
                "sysctl net.ipv4.ip_forward", "sysctl -n net.ipv4.ip_forward",
                "sysctl -w net.ipv4.ip_forward=1",
                "sysctl net.ipv4.conf.v0.proxy_arp net.ipv4.conf.all.rp_filter net.ipv4.conf.v0.forwarding",
                "sysctl net.ipv4.conf.nope.proxy_arp", "sysctl -w net.ipv4.conf.v0.proxy_arp=1",
                "sysctl net/ipv4/conf/v0/proxy_arp", "sysctl -w net.ipv4.ip_forward=x",
                "sysctl foo.bar", "sysctl -w net.ipv4.ip_forward",
                "cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/v0/proxy_arp",
                "cat /proc/sys/net/ipv4/conf/v9/proxy_arp",
                "sysctl -w net.ipv4.conf.all.forwarding=0",
                "sysctl net.ipv4.ip_forward net.ipv4.conf.v0.forwarding net.ipv4.conf.all.send_redirects",
                "brctl addbr qbr1d939c00-e4", "ip link set dev qbr1d939c00-e4 address 02:00:00:00:00:10",
                "brctl addif qbr1d939c00-e4 v0", "brctl addif qbr1d939c00-e4 w0",
                "brctl show", "brctl show qbr1d939c00-e4", "brctl addbr qbr1d939c00-e4",
                "brctl addif qbr1d939c00-e4 nope", "brctl addif qbr1d939c00-e4 v0",
                "brctl delif qbr1d939c00-e4 v0", "brctl show", "brctl delbr nope", "brctl show nope",
                "brctl delif qbr1d939c00-e4 w0", "brctl delbr qbr1d939c00-e4", "brctl show", "brctl",
                "ip link add br0 type bridge", "ip link set br0 up", "ip link set v1 master br0",
                "#real sleep 1", "ip link show master br0", "ip link set v1 nomaster",
                "ip netns add pw-a", "ip netns add pw-b",
                "#real for n in pw-a pw-b; do ip netns exec $n sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0; done",
                "ip netns", "ip netns list",
                "ip netns add pw-a", "ip netns del pw-zz", "ip -n pw-zz link",
                "ip netns exec pw-zz ip link",
                "ip link add x0 address 02:00:00:00:02:01 type veth peer name x1 address 02:00:00:00:02:02 netns pw-a",
                "ip link show x0", "ip netns", "ip -n pw-a link",
                "ip -n pw-a link add y0 address 02:00:00:00:03:01 type veth peer name y1 address 02:00:00:00:03:02",
                "ip -n pw-a link", "ip link set x0 netns pw-b", "ip -n pw-b link", "ip netns",
                "ip -n pw-b addr add 10.5.0.1/24 dev x0", "ip -n pw-b link set x0 up",
                "ip -n pw-a link set x1 up", "ip -n pw-b a", "ip netns exec pw-b ip route",
                "ip netns exec pw-a ip rule", "ip netns exec pw-a sysctl net.ipv4.ip_forward",
                "ip netns exec", "ip netns exec pw-a", "ip netns add",
                "ip netns del pw-a", "#real sleep 2", "ip -n pw-b link", "ip netns del pw-b", "ip netns"));
        check("neighbours, sysctls, bridges and namespaces", s);
    }

    /** What the Neutron L3 agent builds for a DVR router on a compute node (fact sheet §8.3). */
    @Test
    void dvrRouterNamespaces() {
        String q = "qrouter-983bb01f-5605-4fce-9bdd-df29a353562f";
        String f = "fip-6abc926e-f5a5-4cf7-a723-6508ee900de8";
        List<String> s = List.of(
                "ip netns add " + q, "ip netns add " + f,
                "#real for n in " + q + " " + f + "; do ip netns exec $n sysctl -qw"
                        + " net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0; done",
                "ip link add qr-1a2e76b2-1a address fa:16:3e:00:00:01 netns " + q
                        + " type veth peer name tap-qr address fa:16:3e:00:00:11",
                "ip link add fg-18330731-dc address fa:16:3e:00:00:02 netns " + f
                        + " type veth peer name tap-fg address fa:16:3e:00:00:12",
                "ip -n " + q + " link add rfp-983bb01f-5 address fa:16:3e:00:00:03 type veth peer"
                        + " name fpr-983bb01f-5 address fa:16:3e:00:00:04 netns " + f,
                "ip link set tap-qr up", "ip link set tap-fg up",
                "ip netns exec " + q + " ip link set lo up",
                "ip netns exec " + q + " ip link set qr-1a2e76b2-1a up",
                "ip netns exec " + q + " ip link set rfp-983bb01f-5 up",
                "ip netns exec " + f + " ip link set fg-18330731-dc up",
                "ip netns exec " + f + " ip link set fpr-983bb01f-5 up",
                "#real sleep 1",
                "ip netns exec " + q + " ip addr add 10.0.0.1/24 brd 10.0.0.255 dev qr-1a2e76b2-1a",
                "ip netns exec " + q + " ip addr add 169.254.106.114/31 dev rfp-983bb01f-5",
                "ip netns exec " + f + " ip addr add 169.254.106.115/31 dev fpr-983bb01f-5",
                "ip netns exec " + f + " ip addr add 200.0.0.4/24 brd 200.0.0.255 dev fg-18330731-dc",
                "ip netns exec " + q + " ip route add default via 10.0.0.3 dev qr-1a2e76b2-1a table 167772161",
                "ip netns exec " + q + " ip rule add from 10.0.0.1/24 table 167772161 priority 167772161",
                "ip netns exec " + q + " ip route add default via 169.254.106.115 dev rfp-983bb01f-5 table 16",
                "ip netns exec " + q + " ip rule add from 10.0.0.4 table 16 priority 57481",
                "ip netns exec " + f + " ip route add 200.0.0.10 via 169.254.106.114 dev fpr-983bb01f-5",
                "ip netns exec " + f + " ip route add default via 200.0.0.1 dev fg-18330731-dc table 2852022899",
                "ip netns exec " + f + " ip rule add iif fpr-983bb01f-5 table 2852022899 priority 2852022899",
                "ip netns exec " + f + " sysctl -w net.ipv4.conf.fg-18330731-dc.proxy_arp=1",
                "ip netns exec " + q + " sysctl -w net.ipv4.ip_forward=1",
                "ip netns exec " + f + " sysctl -w net.ipv4.ip_forward=1",
                "ip netns", "ip netns exec " + q + " ip a", "ip netns exec " + q + " ip route",
                "ip netns exec " + q + " ip rule show", "ip netns exec " + q + " ip route show table 16",
                "ip netns exec " + q + " ip rule list",
                "ip netns exec " + q + " ip route show table 167772161",
                "ip netns exec " + f + " ip link", "ip netns exec " + f + " ip route",
                "ip netns exec " + f + " ip a",
                "ip netns exec " + f + " cat /proc/sys/net/ipv4/conf/fg-18330731-dc/proxy_arp",
                "ip netns exec " + q + " ip route get 200.0.0.1 from 10.0.0.4 iif qr-1a2e76b2-1a",
                "ip netns exec " + q + " ip route get 8.8.8.8 from 10.0.0.5 iif qr-1a2e76b2-1a",
                "ip netns exec " + f + " ip route get 200.0.0.10 from 200.0.0.1 iif fg-18330731-dc",
                "ip netns exec " + f + " ip route get 8.8.8.8 from 10.0.0.4 iif fpr-983bb01f-5",
                "ip netns del " + q, "ip netns del " + f);
        check("DVR router namespaces", s);
    }
}
