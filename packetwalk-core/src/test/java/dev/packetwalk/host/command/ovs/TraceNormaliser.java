package dev.packetwalk.host.command.ovs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalises trace output for differential comparison (dp ports to names, flood order, recirc ids). */
final class TraceNormaliser {
    private static final Pattern DP_LINE = Pattern.compile("^\\s+(\\S+) \\d+/(\\d+|none): \\(([a-z-]+)", Pattern.MULTILINE);
    private static final Pattern RECIRC = Pattern.compile("recirc(_id=|\\(|_id\\()(0x)?[0-9a-f]+");

    /** Tunnel ports share one vport per type and UDP port; outputs to it are named by type. */
    private static final String TUNNEL_VPORT = "vport:";

    private TraceNormaliser() {
    }

    static Map<String, String> dpNames(String dpifShow) {
        Map<String, String> m = new HashMap<>();
        Matcher mm = DP_LINE.matcher(dpifShow);
        while (mm.find()) {
            if (!mm.group(2).equals("none")) {
                String type = mm.group(3);
                boolean tunnel = type.equals("vxlan") || type.equals("geneve") || type.equals("gre");
                m.putIfAbsent(mm.group(2), tunnel ? TUNNEL_VPORT + type : mm.group(1));
            }
        }
        return m;
    }

    static String normalise(String out, String dpifShow) {
        Map<String, String> names = dpNames(dpifShow);
        Matcher v = Pattern.compile("^Flow: .*dl_vlan=(\\d+),dl_vlan_pcp=(\\d+)", Pattern.MULTILINE).matcher(out);
        String initial = v.find() ? "push_vlan(vid=" + v.group(1) + ",pcp=" + v.group(2) + ")" : "";
        Map<String, String> original = flowFields(out);
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("Datapath actions: ")) {
                line = "Datapath actions: " + actions(line.substring(18), names, initial, original);
            }
            if (line.startsWith(" port  VLAN")) {
                sb.append(line).append('\n');
                continue;
            }
            sb.append(RECIRC.matcher(ageless(line)).replaceAll("recirc$1N")).append('\n');
        }
        return sb.toString();
    }

    /** fdb/show rows without their age column. */
    static String ageless(String text) {
        return text.replaceAll("(?m)^(\\s+\\S+\\s+\\d+\\s+\\S{17})\\s+\\d+$", "$1  AGE");
    }

    /** Datapath header set fields and the Flow: line fields they rewrite. */
    private static final Map<String, String> FLOW_NAMES = Map.ofEntries(Map.entry("eth.src", "dl_src"),
            Map.entry("eth.dst", "dl_dst"), Map.entry("ipv4.src", "nw_src"), Map.entry("ipv4.dst", "nw_dst"),
            Map.entry("ipv4.ttl", "nw_ttl"), Map.entry("arp.sip", "arp_spa"), Map.entry("arp.tip", "arp_tpa"),
            Map.entry("arp.op", "arp_op"), Map.entry("arp.sha", "arp_sha"), Map.entry("arp.tha", "arp_tha"),
            Map.entry("tcp.src", "tp_src"), Map.entry("tcp.dst", "tp_dst"), Map.entry("udp.src", "tp_src"),
            Map.entry("udp.dst", "tp_dst"));

    /**
     * Datapath actions as a sorted list of "header>item": each output (dp port mapped to its port
     * name) and each other action, with the packet header it carries: the VLAN tag and every
     * field a {@code set(...)} gave a value other than the original packet's (tunnel metadata only
     * toward tunnel vports). OVS's flood order is not stable and header changes are committed
     * lazily in that order, so the list is compared as a multiset of (header, output) pairs.
     */
    static String actions(String text, Map<String, String> names, String initial, Map<String, String> original) {
        if (text.equals("drop")) {
            return "drop";
        }
        String vlan = initial;
        Map<String, String> header = new java.util.TreeMap<>();
        List<String> items = new ArrayList<>();
        for (String a : split(text)) {
            if (a.matches("\\d+")) {
                String name = names.getOrDefault(a, "dp" + a);
                StringBuilder h = new StringBuilder(vlan);
                for (var e : header.entrySet()) {
                    String flowName = FLOW_NAMES.get(e.getKey());
                    boolean tunnel = e.getKey().startsWith("tunnel");
                    if (tunnel ? name.startsWith(TUNNEL_VPORT)
                            : flowName == null || !e.getValue().equals(original.get(flowName))) {
                        h.append('[').append(e.getKey()).append('=').append(e.getValue()).append(']');
                    }
                }
                items.add(h + ">" + name);
            } else if (a.startsWith("push_vlan")) {
                vlan = a;
            } else if (a.equals("pop_vlan")) {
                vlan = "";
            } else if (a.startsWith("set(tunnel(")) {
                header.put("tunnel", a);
            } else if (a.startsWith("set(")) {
                String kind = a.substring(4, a.indexOf('(', 4));
                String body = a.substring(a.indexOf('(', 4) + 1, a.length() - 2);
                for (String kv : split(body)) {
                    int eq = kv.indexOf('=');
                    header.put(eq < 0 ? kind : kind + "." + kv.substring(0, eq), kv.substring(eq + 1));
                }
            } else {
                items.add(vlan + ">" + RECIRC.matcher(a).replaceAll("recirc$1N"));
            }
        }
        java.util.Collections.sort(items);
        return String.join(" ", items);
    }

    /** The key=value items of a Flow: line. */
    static Map<String, String> flowFields(String out) {
        Map<String, String> m = new HashMap<>();
        Matcher f = Pattern.compile("(?m)^Flow: (.*)$").matcher(out);
        if (f.find()) {
            for (String kv : f.group(1).split(",")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        return m;
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** Error text: the control socket path and datapath port numbers (as port names) normalised. */
    static String err(String err, String dpifShow) {
        Map<String, String> names = dpNames(dpifShow);
        Matcher m = Pattern.compile("in_port\\((\\d+)\\)").matcher(
                err.replaceAll("ovs-appctl: \\S+: server returned an error", "ovs-appctl: CTL: server returned an error"));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement("in_port(" + names.getOrDefault(m.group(1), m.group(1)) + ")"));
        }
        return m.appendTail(sb).toString();
    }

    static String megaflow(String out) {
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith("Megaflow:")) {
                sb.append(RECIRC.matcher(line).replaceAll("recirc$1N")).append('\n');
            }
        }
        return sb.toString();
    }

    static String withoutMegaflow(String text) {
        return text.replaceAll("(?m)^Megaflow:.*\n", "");
    }
}
