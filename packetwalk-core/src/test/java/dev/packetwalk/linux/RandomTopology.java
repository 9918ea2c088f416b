package dev.packetwalk.linux;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of small random topologies for the packet-path differential test:
 * 2–5 namespaces joined by veth pairs or by Linux bridges in namespaces of their own (with
 * br_netfilter FORWARD rules using physdev), routers with ip_forward (sometimes off) and
 * rp_filter, routes in main and numbered tables behind policy rules, blackholes, wrong
 * next hops, iptables DROP/ACCEPT/REJECT, SNAT/MASQUERADE/DNAT; then pings between random
 * pairs (also to unreachable targets and with small TTLs) and the resulting neighbour
 * tables, conntrack tables and iptables counters.
 *
 * <p>Pings wait 0.73 s for answers: a waiting time commensurate with the kernel's neighbour
 * timers (1 s retransmit, 5 s delay before the first probe) would put neighbour states right at
 * a timer boundary, where the few milliseconds each real command takes decide the dump.
 */
final class RandomTopology {
    private final Random rnd;
    private final int nodes;
    /** Segment s (1-based index into this list + 1) lists the nodes attached to it. */
    private final List<List<Integer>> segments = new ArrayList<>();
    private final List<Boolean> bridged = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> pings = new ArrayList<>();
    private final Set<Integer> natUsers = new LinkedHashSet<>();
    private final Set<Integer> filterUsers = new LinkedHashSet<>();
    private final List<String> targets = new ArrayList<>();
    private boolean missingUsed;

    /**
     * A namespace whose pings wait without touching the topology: its echo goes out of a veth
     * whose peer is down. The test uses it to let time pass before a neighbour dump.
     */
    static final List<String> PAD_SETUP = List.of("ip netns add pad",
            "ip -n pad link add pa type veth peer name pb", "ip -n pad addr add 198.18.0.1/24 dev pa",
            "ip -n pad link set pa up", "ip -n pad neigh add 198.18.0.2 lladdr 02:00:00:00:00:99 dev pa");
    static final String PAD = "ip netns exec pad ping -q -c 1 -W 0.7 198.18.0.2";

    private RandomTopology(long seed) {
        this.rnd = new Random(seed);
        this.nodes = 2 + rnd.nextInt(4);
    }

    /** The script (setup, pings, dumps) of topology {@code seed}. */
    static List<String> script(long seed) {
        RandomTopology t = new RandomTopology(seed);
        t.build();
        return t.lines;
    }

    /** How many of a script's lines are pings. */
    static long pings(List<String> script) {
        return script.stream().filter(l -> l.contains(" ping ")).count();
    }

    private static String ns(int node) {
        return "n" + node;
    }

    private static String dev(int seg, int node) {
        return "e" + seg + "n" + node;
    }

    private static String addr(int seg, int node) {
        return "10." + seg + ".0." + (node + 1);
    }

    private static String mac(int seg, int node, int side) {
        return String.format("02:00:00:%02x:%02x:%02x", seg, node, side);
    }

    private List<Integer> segmentsOf(int node) {
        List<Integer> l = new ArrayList<>();
        for (int s = 1; s <= segments.size(); s++) {
            if (segments.get(s - 1).contains(node)) {
                l.add(s);
            }
        }
        return l;
    }

    private void build() {
        for (int i = 1; i < nodes; i++) {
            int j = rnd.nextInt(i);
            int joined = -1;
            for (int s = 0; s < segments.size(); s++) {
                if (bridged.get(s) && segments.get(s).contains(j) && segments.get(s).size() < 4 && rnd.nextBoolean()) {
                    joined = s;
                }
            }
            if (joined >= 0) {
                segments.get(joined).add(i);
            } else {
                segments.add(new ArrayList<>(List.of(j, i)));
                bridged.add(rnd.nextInt(10) < 3);
            }
        }
        for (int k = 0; k < nodes; k++) {
            lines.add("ip netns add " + ns(k));
        }
        lines.addAll(PAD_SETUP);
        for (int s = 1; s <= segments.size(); s++) {
            wire(s);
        }
        for (int k = 0; k < nodes; k++) {
            lines.add("ip -n " + ns(k) + " link set lo up");
            if (rnd.nextInt(10) < 3) {
                lines.add("ip -n " + ns(k) + " addr add 172.16." + k + ".1/32 dev lo");
                targets.add("172.16." + k + ".1");
            }
            for (int s : segmentsOf(k)) {
                targets.add(addr(s, k));
            }
        }
        for (int k = 0; k < nodes; k++) {
            routing(k);
        }
        for (int k = 0; k < nodes; k++) {
            firewall(k);
        }
        generatePings();
        lines.addAll(pings);
        for (int k = 0; k < nodes; k++) {
            lines.add("ip -n " + ns(k) + " neigh");
        }
        for (int k : natUsers) {
            lines.add("ip netns exec " + ns(k) + " iptables -t nat -L -n -v -x");
        }
        for (int k : filterUsers) {
            lines.add("ip netns exec " + ns(k) + " iptables -L -n -v -x");
        }
        Set<Integer> ct = new LinkedHashSet<>(natUsers);
        ct.addAll(filterUsers);
        for (int k : ct) {
            lines.add("ip netns exec " + ns(k) + " conntrack -L");
        }
        for (int s = 1; s <= segments.size(); s++) {
            if (bridged.get(s - 1)) {
                lines.add("ip netns exec sw" + s + " iptables -L FORWARD -n -v -x");
                lines.add("ip netns exec sw" + s + " conntrack -L");
            }
        }
    }

    /** Segment {@code s}: a veth pair, or a bridge in namespace sw{s} with one veth per node. */
    private void wire(int s) {
        List<Integer> members = segments.get(s - 1);
        if (!bridged.get(s - 1)) {
            int a = members.get(0);
            int b = members.get(1);
            lines.add("ip link add " + dev(s, a) + " address " + mac(s, a, 1) + " type veth peer name "
                    + dev(s, b) + " address " + mac(s, b, 1));
            for (int k : List.of(a, b)) {
                up(s, k);
            }
            return;
        }
        String sw = "sw" + s;
        lines.add("ip netns add " + sw);
        lines.add("ip -n " + sw + " link add br" + s + " type bridge");
        lines.add("ip -n " + sw + " link set br" + s + " up");
        List<String> ports = new ArrayList<>();
        for (int k : members) {
            String port = "p" + s + "n" + k;
            ports.add(port);
            lines.add("ip link add " + dev(s, k) + " address " + mac(s, k, 1) + " type veth peer name " + port
                    + " address " + mac(s, k, 2));
            lines.add("ip link set " + port + " netns " + sw);
            lines.add("ip -n " + sw + " link set " + port + " master br" + s);
            lines.add("ip -n " + sw + " link set " + port + " up");
            up(s, k);
        }
        int rules = rnd.nextInt(4);
        for (int r = 0; r < rules; r++) {
            String port = ports.get(rnd.nextInt(ports.size()));
            String dir = rnd.nextBoolean() ? "--physdev-in " : "--physdev-out ";
            String verdict = rnd.nextInt(3) == 0 ? "DROP" : "ACCEPT";
            String proto = rnd.nextBoolean() ? "-p icmp " : "";
            lines.add("ip netns exec " + sw + " iptables -A FORWARD " + proto + "-m physdev " + dir + port
                    + " --physdev-is-bridged -j " + verdict);
        }
        if (rules > 0 && rnd.nextInt(4) == 0) {
            lines.add("ip netns exec " + sw + " iptables -P FORWARD DROP");
        }
    }

    private void up(int s, int k) {
        lines.add("ip link set " + dev(s, k) + " netns " + ns(k));
        lines.add("ip -n " + ns(k) + " addr add " + addr(s, k) + "/24 dev " + dev(s, k));
        lines.add("ip -n " + ns(k) + " link set " + dev(s, k) + " up");
    }

    /** The first hop from {@code from} towards {@code to}: {segment, next node}, by BFS over the tree. */
    private int[] firstHop(int from, int to) {
        int[] prevNode = new int[nodes];
        int[] prevSeg = new int[nodes];
        java.util.Arrays.fill(prevNode, -1);
        prevNode[from] = from;
        ArrayDeque<Integer> q = new ArrayDeque<>(List.of(from));
        while (!q.isEmpty()) {
            int x = q.poll();
            for (int s : segmentsOf(x)) {
                for (int y : segments.get(s - 1)) {
                    if (prevNode[y] < 0) {
                        prevNode[y] = x;
                        prevSeg[y] = s;
                        q.add(y);
                    }
                }
            }
        }
        int y = to;
        while (prevNode[y] != from) {
            y = prevNode[y];
        }
        return new int[] {prevSeg[y], y};
    }

    private void routing(int k) {
        String n = ns(k);
        List<Integer> mine = segmentsOf(k);
        if (mine.size() > 1) {
            if (rnd.nextInt(8) != 0) {
                lines.add("ip netns exec " + n + " sysctl -w net.ipv4.ip_forward=1");
            }
            if (rnd.nextInt(5) == 0) {
                lines.add("ip netns exec " + n + " sysctl -w net.ipv4.conf.all.rp_filter=1");
            }
        }
        if (mine.size() == 1 && rnd.nextInt(10) < 4) {
            int s = mine.get(0);
            List<Integer> peers = new ArrayList<>(segments.get(s - 1));
            peers.remove(Integer.valueOf(k));
            int gw = peers.get(rnd.nextInt(peers.size()));
            lines.add("ip -n " + n + " route add default via " + addr(s, gw));
            return;
        }
        int table = 100 + rnd.nextInt(50);
        int priority = 1000 + rnd.nextInt(200) * 100;
        for (int other = 0; other < nodes; other++) {
            if (other == k) {
                continue;
            }
            int[] hop = firstHop(k, other);
            List<String> prefixes = new ArrayList<>();
            for (int s : segmentsOf(other)) {
                if (!mine.contains(s)) {
                    prefixes.add("10." + s + ".0.0/24");
                }
            }
            if (targets.contains("172.16." + other + ".1")) {
                prefixes.add("172.16." + other + ".1/32");
            }
            for (String prefix : prefixes) {
                if (lines.stream().anyMatch(l -> l.startsWith("ip -n " + n + " route add " + prefix + " "))) {
                    continue;
                }
                int choice = rnd.nextInt(20);
                int seg = hop[0];
                int via = hop[1];
                if (choice == 0) {
                    continue;
                }
                if (choice == 1) {
                    String type = List.of("blackhole", "unreachable", "prohibit").get(rnd.nextInt(3));
                    lines.add("ip -n " + n + " route add " + type + " " + prefix);
                    continue;
                }
                if (choice == 2 && mine.size() > 1) {
                    seg = mine.get(rnd.nextInt(mine.size()));
                    List<Integer> peers = new ArrayList<>(segments.get(seg - 1));
                    peers.remove(Integer.valueOf(k));
                    via = peers.get(rnd.nextInt(peers.size()));
                }
                String route = prefix + " via " + addr(seg, via);
                if (choice < 6) {
                    lines.add("ip -n " + n + " route add " + route + " table " + table);
                    String selector = switch (rnd.nextInt(3)) {
                        case 0 -> "to " + prefix;
                        case 1 -> "from 10." + mine.get(0) + ".0.0/24";
                        default -> "iif " + (mine.size() > 1 ? dev(mine.get(1), k) : "lo");
                    };
                    lines.add("ip -n " + n + " rule add " + selector + " table " + table + " priority " + priority);
                    priority += 100;
                } else {
                    lines.add("ip -n " + n + " route add " + route);
                }
            }
        }
    }

    private String ipt(int k) {
        return "ip netns exec " + ns(k) + " iptables ";
    }

    private String randomSource() {
        if (rnd.nextBoolean()) {
            return "";
        }
        return "-s 10." + (1 + rnd.nextInt(segments.size())) + ".0.0/24 ";
    }

    private void firewall(int k) {
        List<Integer> mine = segmentsOf(k);
        if (rnd.nextInt(4) == 0) {
            String verdict = List.of("DROP", "REJECT", "ACCEPT").get(rnd.nextInt(3));
            lines.add(ipt(k) + "-A INPUT " + randomSource() + "-p icmp --icmp-type echo-request -j " + verdict);
            filterUsers.add(k);
        }
        if (mine.size() < 2) {
            return;
        }
        int rules = rnd.nextInt(3);
        for (int r = 0; r < rules; r++) {
            String target = switch (rnd.nextInt(6)) {
                case 0 -> "DROP";
                case 1 -> "ACCEPT";
                case 2 -> "REJECT";
                case 3 -> "REJECT --reject-with icmp-host-prohibited";
                case 4 -> "REJECT --reject-with icmp-net-unreachable";
                default -> "REJECT --reject-with icmp-admin-prohibited";
            };
            String dst = rnd.nextBoolean() ? "" : "-d " + targets.get(rnd.nextInt(targets.size())) + " ";
            String in = rnd.nextInt(3) == 0 ? "-i " + dev(mine.get(rnd.nextInt(mine.size())), k) + " " : "";
            lines.add(ipt(k) + "-A FORWARD " + in + randomSource() + dst + "-p icmp -j " + target);
            filterUsers.add(k);
        }
        if (rnd.nextInt(5) == 0) {
            lines.add(ipt(k) + "-I FORWARD -m state --state RELATED,ESTABLISHED -j ACCEPT");
            filterUsers.add(k);
        }
        int policy = rnd.nextInt(6);
        if (policy == 0) {
            lines.add(ipt(k) + "-A FORWARD -p icmp --icmp-type echo-request " + randomSource() + "-j ACCEPT");
            lines.add(ipt(k) + "-A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT");
            lines.add(ipt(k) + "-P FORWARD DROP");
            filterUsers.add(k);
        } else if (policy == 1) {
            lines.add(ipt(k) + "-P FORWARD ACCEPT");
            lines.add(ipt(k) + "-P INPUT ACCEPT");
            filterUsers.add(k);
        }
        if (rnd.nextInt(3) == 0) {
            int s = mine.get(rnd.nextInt(mine.size()));
            if (rnd.nextBoolean()) {
                lines.add(ipt(k) + "-t nat -A POSTROUTING -o " + dev(s, k) + " -j MASQUERADE");
            } else {
                lines.add(ipt(k) + "-t nat -A POSTROUTING " + randomSource() + "-o " + dev(s, k)
                        + " -j SNAT --to-source " + addr(s, k));
            }
            natUsers.add(k);
        }
        if (rnd.nextInt(3) == 0) {
            int s = mine.get(rnd.nextInt(mine.size()));
            String vip = "10." + s + ".0.200";
            if (!targets.contains(vip)) {
                lines.add("ip -n " + ns(k) + " addr add " + vip + "/32 dev " + dev(s, k));
                String to = targets.get(rnd.nextInt(targets.size()));
                lines.add(ipt(k) + "-t nat -A PREROUTING -d " + vip + "/32 -j DNAT --to-destination " + to);
                targets.add(vip);
                natUsers.add(k);
            }
        }
    }

    private void generatePings() {
        int count = 6 + rnd.nextInt(8);
        String last = null;
        for (int i = 0; i < count; i++) {
            int from = rnd.nextInt(nodes);
            String target;
            int kind = rnd.nextInt(20);
            if (kind == 0) {
                target = "192.0.2." + (1 + rnd.nextInt(9));
            } else if (kind == 1 && !missingUsed) {
                missingUsed = true;
                last = "ip netns exec " + ns(from) + " ping -c 1 -W 0.73 10." + (1 + rnd.nextInt(segments.size())) + ".0.99";
                continue;
            } else {
                target = targets.get(rnd.nextInt(targets.size()));
            }
            String opts = switch (rnd.nextInt(10)) {
                case 0 -> "-c 1 -W 0.73 -t 1";
                case 1 -> "-c 1 -W 0.73 -t 2";
                case 2 -> "-c 2 -i 0.2 -W 0.73";
                default -> "-c 1 -W 0.73";
            };
            pings.add("ip netns exec " + ns(from) + " ping " + opts + " " + target);
        }
        if (last != null) {
            pings.add(last);
        }
    }
}
