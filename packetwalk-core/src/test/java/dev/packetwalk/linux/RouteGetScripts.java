package dev.packetwalk.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but reproducible routing set-ups and {@code ip route get} queries: veth pairs with
 * addresses, routes of every type in several tables, policy rules with every selector, and
 * queries for the output path and the input path with sources, marks and devices.
 */
final class RouteGetScripts {
    private static final String[] DEVS = {"a0", "a1", "b0", "b1", "c0", "c1"};
    private static final String[] TABLES = {"main", "main", "main", "16", "100", "167772161"};

    private final Random rnd;
    private final List<String> anchors = new ArrayList<>();
    private final List<String> locals = new ArrayList<>();

    RouteGetScripts(long seed) {
        this.rnd = new Random(seed);
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    private String anchor() {
        return switch (rnd.nextInt(4)) {
            case 0 -> "172." + (16 + rnd.nextInt(4)) + "." + rnd.nextInt(4) + ".0";
            case 1 -> "192.168." + rnd.nextInt(8) + ".0";
            case 2 -> "100." + (64 + rnd.nextInt(3)) + "." + rnd.nextInt(3) + ".0";
            default -> (1 + rnd.nextInt(60)) + ".0.0.0";
        };
    }

    /** An address near one of the anchors (some host bits set). */
    private String nearAnchor() {
        String[] p = pick(anchors).split("\\.");
        int b2 = rnd.nextInt(3) == 0 ? rnd.nextInt(256) : Integer.parseInt(p[2]);
        return p[0] + "." + p[1] + "." + b2 + "." + rnd.nextInt(256);
    }

    private String masked(String addr, int len) {
        String[] p = addr.split("\\.");
        long v = 0;
        for (String o : p) {
            v = (v << 8) | Integer.parseInt(o);
        }
        long m = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
        v &= m;
        return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
    }

    private String connectedHost() {
        int pair = rnd.nextInt(3);
        return "10." + pair + "." + rnd.nextInt(2) + "." + (1 + rnd.nextInt(254));
    }

    List<String> setup() {
        List<String> s = new ArrayList<>();
        s.add("ip link set lo up");
        for (int i = 0; i < 3; i++) {
            char c = (char) ('a' + i);
            s.add("ip link add " + c + "0 address 02:00:00:00:0" + i + ":01 type veth peer name "
                    + c + "1 address 02:00:00:00:0" + i + ":02");
        }
        for (String d : DEVS) {
            if (!d.equals("c1") || rnd.nextBoolean()) {
                s.add("ip link set " + d + " up");
            }
        }
        for (int i = 0; i < 3; i++) {
            char c = (char) ('a' + i);
            s.add("ip addr add 10." + i + ".0.1/24 dev " + c + "0");
            s.add("ip addr add 10." + i + ".1.1/24 dev " + c + "1");
            locals.add("10." + i + ".0.1");
            locals.add("10." + i + ".1.1");
        }
        s.add("ip addr add 10.0.0.9/24 dev a0");
        s.add("ip addr add 100.127.0.1/32 dev b1");
        locals.add("10.0.0.9");
        locals.add("100.127.0.1");
        if (rnd.nextInt(5) != 0) {
            s.add("sysctl -w net.ipv4.ip_forward=1");
        }
        if (rnd.nextInt(3) == 0) {
            s.add("sysctl -w net.ipv4.conf." + pick(DEVS) + ".rp_filter=" + (1 + rnd.nextInt(2)));
        }
        for (int i = 0; i < 8; i++) {
            anchors.add(anchor());
        }
        for (int i = 0; i < 28; i++) {
            s.add(route());
        }
        for (int i = 0; i < 8; i++) {
            s.add(rule());
        }
        s.add("ip rule");
        s.add("ip -4 route show table all");
        return s;
    }

    private String route() {
        StringBuilder sb = new StringBuilder("ip route add ");
        int t = rnd.nextInt(20);
        String type = t < 15 ? "" : pick("blackhole ", "unreachable ", "prohibit ", "throw ");
        sb.append(type);
        int len = rnd.nextInt(10) == 0 ? 0 : 8 + rnd.nextInt(25);
        String a = len == 0 ? "0.0.0.0" : rnd.nextInt(12) == 0 ? nearAnchor() : masked(nearAnchor(), len);
        sb.append(len == 0 ? "default" : a + "/" + len);
        if (type.isEmpty()) {
            int nh = rnd.nextInt(10);
            if (nh < 5) {
                sb.append(" via ").append(connectedHost());
                if (rnd.nextInt(4) == 0) {
                    sb.append(" dev ").append(pick(DEVS));
                }
            } else if (nh < 6) {
                sb.append(" via ").append(nearAnchor()).append(" dev ").append(pick(DEVS)).append(" onlink");
            } else {
                sb.append(" dev ").append(pick(DEVS));
            }
            if (rnd.nextInt(10) == 0) {
                sb.append(" src ").append(pick(locals));
            }
        }
        if (rnd.nextInt(3) == 0) {
            sb.append(" metric ").append(pick("10", "100", "5"));
        }
        String table = pick(TABLES);
        if (!table.equals("main") || rnd.nextInt(4) == 0) {
            sb.append(" table ").append(table);
        }
        return sb.toString();
    }

    private String rule() {
        StringBuilder sb = new StringBuilder("ip rule add");
        if (rnd.nextInt(8) == 0) {
            sb.append(" not");
        }
        if (rnd.nextInt(10) < 4) {
            int k = rnd.nextInt(3);
            sb.append(" from ").append(k == 0 ? pick(locals) : k == 1
                    ? "10." + rnd.nextInt(3) + "." + rnd.nextInt(2) + ".0/24"
                    : masked(nearAnchor(), 16) + "/16");
        }
        if (rnd.nextInt(10) < 3) {
            sb.append(" to ").append(masked(nearAnchor(), 12 + rnd.nextInt(13)))
              .append('/').append(24);
        }
        if (rnd.nextInt(10) < 2) {
            sb.append(" iif ").append(rnd.nextInt(4) == 0 ? "lo" : pick(DEVS));
        }
        if (rnd.nextInt(10) < 1) {
            sb.append(" oif ").append(pick(DEVS));
        }
        if (rnd.nextInt(100) < 15) {
            sb.append(" fwmark ").append(pick("0x1", "0x10", "7", "0x10/0xf0"));
        }
        int a = rnd.nextInt(20);
        if (a < 16) {
            sb.append(" lookup ").append(pick("16", "100", "167772161", "main", "200"));
        } else if (a < 19) {
            sb.append(' ').append(pick("blackhole", "unreachable", "prohibit"));
        } else {
            sb.append(" goto 32766");
        }
        if (rnd.nextInt(10) < 6) {
            sb.append(" pref ").append(100 + rnd.nextInt(32000));
        }
        return sb.toString();
    }

    List<String> queries(int n) {
        List<String> q = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(20);
            String dst = k < 10 ? nearAnchor() : k < 14 ? connectedHost() : k < 16 ? pick(locals)
                    : k < 17 ? "10." + rnd.nextInt(3) + "." + rnd.nextInt(2) + ".255"
                    : (1 + rnd.nextInt(223)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256);
            StringBuilder sb = new StringBuilder("ip route get ").append(dst);
            boolean input = rnd.nextInt(4) == 0;
            if (input) {
                sb.append(" from ").append(rnd.nextInt(5) == 0 ? pick(locals) : connectedHost())
                  .append(" iif ").append(pick(DEVS));
            } else {
                if (rnd.nextInt(10) < 3) {
                    sb.append(" from ").append(rnd.nextInt(3) == 0 ? connectedHost() : pick(locals));
                }
                if (rnd.nextInt(10) == 0) {
                    sb.append(" oif ").append(pick(DEVS));
                }
            }
            if (rnd.nextInt(100) < 15) {
                sb.append(" mark ").append(pick("1", "0x10", "7", "0x20"));
            }
            q.add(sb.toString());
        }
        return q;
    }
}
