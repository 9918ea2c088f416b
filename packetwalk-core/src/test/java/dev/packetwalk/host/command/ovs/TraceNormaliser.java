package dev.packetwalk.host.command.ovs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalises trace output for differential comparison (dp ports to names, flood order, recirc ids). */
final class TraceNormaliser {
    private static final Pattern DP_LINE = Pattern.compile("^\\s+(\\S+) \\d+/(\\d+|none):", Pattern.MULTILINE);
    private static final Pattern RECIRC = Pattern.compile("recirc(_id=|\\(|_id\\()(0x)?[0-9a-f]+");

    private TraceNormaliser() {
    }

    static Map<String, String> dpNames(String dpifShow) {
        Map<String, String> m = new HashMap<>();
        Matcher mm = DP_LINE.matcher(dpifShow);
        while (mm.find()) {
            if (!mm.group(2).equals("none")) {
                m.putIfAbsent(mm.group(2), mm.group(1));
            }
        }
        return m;
    }

    static String normalise(String out, String dpifShow) {
        Map<String, String> names = dpNames(dpifShow);
        Matcher v = Pattern.compile("^Flow: .*dl_vlan=(\\d+),dl_vlan_pcp=(\\d+)", Pattern.MULTILINE).matcher(out);
        String initial = v.find() ? "push_vlan(vid=" + v.group(1) + ",pcp=" + v.group(2) + ")" : "";
        out = out.replaceAll("(?m)^ +-> output to kernel tunnel\n", "");
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("Datapath actions: ")) {
                line = "Datapath actions: " + actions(line.substring(18), names, initial);
            }
            if (line.startsWith(" port  VLAN")) {
                sb.append(line).append('\n');
                continue;
            }
            line = line.replaceAll("(\\s+\\S+\\s+\\d+\\s+\\S{17})\\s+\\d+$", "$1  AGE");
            sb.append(RECIRC.matcher(line).replaceAll("recirc$1N")).append('\n');
        }
        return sb.toString();
    }

    /** Actions as a sorted list of "state>port" for outputs plus the other actions' states. */
    static String actions(String text, Map<String, String> names, String initial) {
        if (text.equals("drop")) {
            return "drop";
        }
        List<String> items = split(text);
        String vlan = initial;
        String tunnelDst = null;
        StringBuilder sets = new StringBuilder();
        List<String> outs = new ArrayList<>();
        for (String a : items) {
            if (a.matches("\\d+")) {
                String name = names.getOrDefault(a, "dp" + a);
                if (name.matches("(vxlan|gre|geneve)_sys_\\d+") && tunnelDst != null) {
                    // the fixture's dummy datapath has no tunnels: its vxlan-N ports are plain ports
                    name = "vxlan-" + (Integer.parseInt(tunnelDst.substring(tunnelDst.lastIndexOf('.') + 1)) - 31);
                }
                outs.add(vlan + sets + ">" + name);
            } else if (a.startsWith("push_vlan")) {
                vlan = a;
            } else if (a.startsWith("set(tunnel(")) {
                Matcher d = Pattern.compile("dst=([0-9.]+)").matcher(a);
                tunnelDst = d.find() ? d.group(1) : null;
            } else if (a.equals("pop_vlan")) {
                vlan = "";
            } else {
                sets.append(RECIRC.matcher(a).replaceAll("recirc$1N")).append(';');
            }
        }
        if (outs.isEmpty()) {
            return String.valueOf(sets);
        }
        java.util.Collections.sort(outs);
        return String.join(" ", outs) + (outs.isEmpty() ? "" : "");
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

    static String err(String err) {
        return err.replaceAll("ovs-appctl: \\S+: server returned an error", "ovs-appctl: CTL: server returned an error");
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
