package dev.packetwalk.host.command.ovs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what is run-specific from OVS output before comparing real and emulated runs, and
 * nothing else:
 * <ul>
 * <li>UUIDs become the row they named at that moment ({@code <Port:p1>}), or, for rows that
 * no longer exist, a number by first appearance;</li>
 * <li>MACs of dummy netdevs and the datapath ids derived from them;</li>
 * <li>orders that follow the random UUIDs: elements of UUID sets, the records printed by
 * {@code list}/{@code find} (OVS walks its hash of rows), and the bridges and ports of
 * {@code ovs-vsctl show}.</li>
 * </ul>
 */
final class OvsOutputNormaliser {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern DPID = Pattern.compile("0000[0-9a-f]{12}");
    private static final Pattern PLACEHOLDER_SET = Pattern.compile("\\[(<[^<>\\[\\]]+>(, <[^<>\\[\\]]+>)+)]");
    private static final Pattern BARE_PLACEHOLDERS = Pattern.compile("(?m)^(<[^<> ]+>( <[^<> ]+>)+)$");

    private OvsOutputNormaliser() {
    }

    /** The whole script as one comparable text: each command, its stdout, stderr and status. */
    static String transcript(List<DifferentialRun.Line> lines) {
        Map<String, String> gone = new HashMap<>();
        StringBuilder t = new StringBuilder();
        for (DifferentialRun.Line l : lines) {
            String out = normalise(l.out(), l.names(), gone);
            if (listsRecords(l.command())) {
                out = sortRecords(out);
            }
            t.append("$ ").append(l.command()).append('\n').append(out)
                    .append("--err\n").append(normalise(l.err(), l.names(), gone))
                    .append("--rc ").append(l.status()).append('\n');
        }
        return t.toString();
    }

    /** Normalises a text with no row names known (UUIDs numbered by first appearance). */
    static String normalise(String text) {
        return normalise(text, Map.of(), new HashMap<>());
    }

    private static String normalise(String text, Map<String, String> names, Map<String, String> gone) {
        Matcher m = UUID.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = names.get(m.group());
            if (name == null) {
                name = gone.computeIfAbsent(m.group(), k -> "<uuid" + gone.size() + ">");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(name));
        }
        m.appendTail(sb);
        String t = MAC.matcher(sb.toString()).replaceAll("<mac>");
        t = DPID.matcher(t).replaceAll("<dpid>");
        t = t.replaceAll("The default log directory is \"[^\"]*\"", "The default log directory is <dir>");
        t = sortMatches(PLACEHOLDER_SET, t, ", ");
        t = sortMatches(BARE_PLACEHOLDERS, t, " ");
        return sortShow(t);
    }

    private static String sortMatches(Pattern p, String text, String separator) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String[] items = m.group(1).split(separator);
            Arrays.sort(items);
            String sorted = String.join(separator, items);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group().replace(m.group(1), sorted)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean listsRecords(String command) {
        List<String> words = List.of(command.trim().split("\\s+"));
        return words.get(0).equals("ovs-vsctl") && (words.contains("list") || words.contains("find"));
    }

    /** Sorts the blank-line-separated records of list/find output. */
    private static String sortRecords(String out) {
        if (out.isEmpty()) {
            return out;
        }
        List<String> records = new ArrayList<>(List.of(out.split("\n\n", -1)));
        for (int i = 0; i < records.size(); i++) {
            String r = records.get(i);
            records.set(i, r.endsWith("\n") ? r.substring(0, r.length() - 1) : r);
        }
        records.sort(null);
        return String.join("\n\n", records) + "\n";
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
