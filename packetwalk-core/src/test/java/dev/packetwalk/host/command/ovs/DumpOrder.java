package dev.packetwalk.host.command.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Dump lines in a canonical order within each classifier subtable. OVS lists a table's flows
 * subtable by subtable (by mask, in decreasing max priority), and inside one subtable in hash
 * order; our classifier keeps the subtable order but not OVS's hash order. So runs of adjacent
 * lines of the same table and mask (the same match fields with the same masks; priority aside)
 * are sorted, and nothing else moves.
 */
final class DumpOrder {
    private DumpOrder() {
    }

    static String canonical(String dump) {
        List<String> lines = new ArrayList<>(List.of(dump.split("\n", -1)));
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            String key = subtable(lines.get(i));
            int j = i + 1;
            while (key != null && j < lines.size() && key.equals(subtable(lines.get(j)))) {
                j++;
            }
            List<String> run = new ArrayList<>(lines.subList(i, j));
            run.sort(null);
            out.addAll(run);
            i = j;
        }
        return String.join("\n", out);
    }

    /** table + the match's field names with their masks, or null for a line that is no flow. */
    static String subtable(String line) {
        int actions = line.indexOf(" actions=");
        if (!line.startsWith(" ") || actions < 0) {
            return null;
        }
        String head = line.substring(0, actions);
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("table=(\\d+)").matcher(head);
        String table = t.find() ? t.group(1) : "0";
        String match = head.substring(head.lastIndexOf(", ") + 1).trim();
        TreeSet<String> fields = new TreeSet<>();
        for (String f : match.split(",")) {
            int eq = f.indexOf('=');
            String name = eq < 0 ? f : f.substring(0, eq);
            if (name.equals("priority")) {
                continue;
            }
            int slash = f.indexOf('/');
            fields.add(slash < 0 ? name : name + f.substring(slash));
        }
        return table + ":" + fields;
    }
}
