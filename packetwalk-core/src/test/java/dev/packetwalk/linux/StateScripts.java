package dev.packetwalk.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but reproducible sequences of state changes (links up and down, addresses added
 * and deleted, routes, rules, renames, bridge ports) interleaved with listings, so the
 * routes the kernel derives and drops can be compared step by step. Route listings are
 * IPv4 only: the order of IPv6 link-local routes across devices depends on when the
 * kernel's linkwatch work runs, not on the commands.
 */
final class StateScripts {
    private static final String[] DEVS = {"a0", "a1", "b0", "b1", "br0"};

    private final Random rnd;

    StateScripts(long seed) {
        this.rnd = new Random(seed);
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private String addr() {
        return "10." + rnd.nextInt(3) + "." + rnd.nextInt(2) + "." + (1 + rnd.nextInt(4));
    }

    List<String> script(int steps) {
        List<String> s = new ArrayList<>();
        s.add("ip link set lo up");
        s.add("ip link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02");
        s.add("ip link add b0 address 02:00:00:00:01:01 type veth peer name b1 address 02:00:00:00:01:02");
        s.add("ip link add br0 address 02:00:00:00:02:01 type bridge");
        boolean linksChanged = false;
        for (int i = 0; i < steps; i++) {
            String step = step();
            s.add(step);
            linksChanged |= step.startsWith("ip link set");
            if (rnd.nextInt(6) == 0) {
                if (linksChanged) {
                    // The kernel applies carrier changes to routes from its linkwatch work,
                    // up to a second later; the real run waits for that.
                    s.add(Differential.REAL_ONLY + "sleep 1");
                    linksChanged = false;
                }
                s.add(pick("ip -4 route show table all", "ip a", "ip rule", "ip -4 a",
                        "ip link", "ip route", "ip -4 route show table local"));
            }
        }
        s.add("#real sleep 1");
        s.add("ip link");
        s.add("ip a");
        s.add("ip -4 route show table all");
        s.add("ip rule");
        return s;
    }

    private String step() {
        String dev = pick(DEVS);
        return switch (rnd.nextInt(12)) {
            case 0, 1 -> "ip link set " + dev + " " + pick("up", "up", "down");
            case 2, 3 -> {
                String a = addr();
                String len = pick("24", "24", "16", "32", "31", "8");
                String extra = pick("", "", " brd +", " scope link", " brd 10.9.9.9");
                yield "ip addr add " + a + "/" + len + extra + " dev " + dev;
            }
            case 4 -> "ip addr del " + addr() + "/" + pick("24", "16", "32") + " dev " + dev;
            case 5 -> "ip route add " + pick("172.16.0.0/12", "192.168.1.0/24", "default", "20.0.0.0/8")
                    + pick(" via " + addr(), " dev " + dev, " dev " + dev + " scope host")
                    + pick("", " metric 10", " table 16", " src " + addr());
            case 6 -> "ip route del " + pick("172.16.0.0/12", "192.168.1.0/24", "default", "20.0.0.0/8")
                    + pick("", " table 16", " metric 10");
            case 7 -> "ip rule " + pick("add", "add", "del") + " from " + addr() + " lookup "
                    + pick("16", "main", "100") + pick("", " pref 100", " pref 200");
            case 8 -> "ip link set " + pick("a0", "a1", "b0", "b1") + " "
                    + pick("master br0", "nomaster");
            case 9 -> "ip addr flush dev " + dev;
            case 10 -> "ip route replace " + pick("192.168.1.0/24", "default") + " via " + addr();
            default -> "ip link set " + dev + " mtu " + pick("1400", "1500", "9000");
        };
    }
}
