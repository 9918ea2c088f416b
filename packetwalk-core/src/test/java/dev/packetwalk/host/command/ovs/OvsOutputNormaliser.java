package dev.packetwalk.host.command.ovs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what is run-specific from OVS output before comparing real and emulated runs: UUIDs
 * (numbered by first appearance), MACs of dummy netdevs and the dpids derived from them, the
 * log directory, and the sibling order of bridges and ports in {@code ovs-vsctl show}.
 */
final class OvsOutputNormaliser {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern DPID = Pattern.compile("0000[0-9a-f]{12}");

    private OvsOutputNormaliser() {
    }

    static String normalise(String text) {
        Map<String, String> ids = new HashMap<>();
        Matcher m = UUID.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group(), k -> "<uuid" + ids.size() + ">");
            m.appendReplacement(sb, id);
        }
        m.appendTail(sb);
        String t = MAC.matcher(sb.toString()).replaceAll("<mac>");
        t = DPID.matcher(t).replaceAll("<dpid>");
        t = t.replaceAll("The default log directory is \"[^\"]*\"", "The default log directory is <dir>");
        return sortShow(t);
    }

    /** Sorts the Bridge blocks and, inside each, the Port blocks of `ovs-vsctl show` output. */
    private static String sortShow(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).startsWith("    Bridge ")) {
                out.append(lines.get(i)).append(i < lines.size() - 1 ? "\n" : "");
                i++;
                continue;
            }
            List<String> bridges = new ArrayList<>();
            while (i < lines.size() && lines.get(i).startsWith("    Bridge ")) {
                int j = i + 1;
                while (j < lines.size() && lines.get(j).startsWith("        ")) {
                    j++;
                }
                bridges.add(sortPorts(lines.subList(i, j)));
                i = j;
            }
            bridges.sort(null);
            bridges.forEach(out::append);
        }
        return out.toString();
    }

    private static String sortPorts(List<String> block) {
        StringBuilder head = new StringBuilder();
        List<String> ports = new ArrayList<>();
        StringBuilder cur = null;
        for (String l : block) {
            if (l.startsWith("        Port ")) {
                if (cur != null) {
                    ports.add(cur.toString());
                }
                cur = new StringBuilder();
            }
            (cur == null ? head : cur).append(l).append('\n');
        }
        if (cur != null) {
            ports.add(cur.toString());
        }
        ports.sort(null);
        ports.forEach(head::append);
        return head.toString();
    }
}
