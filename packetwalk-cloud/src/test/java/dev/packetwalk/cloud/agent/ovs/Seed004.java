package dev.packetwalk.cloud.agent.ovs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What seed 004 (/work/shared/seeds/004_2c52dabca35841a1.txt, found through the build's
 * {@code packetwalk.root}) shows of each node's switch: the flow lines of every
 * {@code ovs-ofctl dump-flows} it ran, the ports of every {@code ovs-ofctl show}, and the port
 * tags and tunnel options of its two {@code ovs-vsctl show} outputs.
 */
final class Seed004 {
    private static final Pattern PROMPT = Pattern.compile("(\\S+)# ovs-ofctl (dump-flows|show) (\\S+)\\s*$");
    private static final Pattern OFCTL_PORT = Pattern.compile("^\\s*(\\d+)\\(([^)]+)\\): addr:");
    private static final Pattern VSCTL_PORT = Pattern.compile("^\\s*Port \"?([^\"\\s]+)\"?\\s*$");
    private static final Pattern VSCTL_TAG = Pattern.compile("^\\s*tag: (\\d+)\\s*$");
    private static final Pattern VSCTL_OPTIONS = Pattern.compile("^\\s*(options: \\{df_default.*\\})\\s*$");
    private static final String NETWORK_SECTION = "## Packet walk @ network node";

    private final List<String> lines;

    private Seed004(List<String> lines) {
        this.lines = lines;
    }

    static Seed004 load() {
        Path path = Path.of(System.getProperty("packetwalk.root", "."), "..", "shared", "seeds",
                "004_2c52dabca35841a1.txt").normalize();
        try {
            return new Seed004(Files.readAllLines(path));
        } catch (IOException e) {
            throw new UncheckedIOException("seed 004 not found at " + path, e);
        }
    }

    /** The flow lines each {@code NODE# ovs-ofctl dump-flows BRIDGE} printed, keyed "NODE BRIDGE". */
    Map<String, List<String>> flows() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            Matcher m = PROMPT.matcher(line);
            if (m.find()) {
                current = m.group(2).equals("dump-flows") ? m.group(1) + " " + m.group(3) : null;
            } else if (line.contains("```") || line.contains("# ")) {
                current = null;
            } else if (current != null && line.contains("cookie=")) {
                out.computeIfAbsent(current, k -> new ArrayList<>()).add(line.strip());
            }
        }
        return out;
    }

    /** The ports each {@code NODE# ovs-ofctl show BRIDGE} listed, number to name, keyed "NODE BRIDGE". */
    Map<String, Map<Integer, String>> ofctlPorts() {
        Map<String, Map<Integer, String>> out = new LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            Matcher m = PROMPT.matcher(line);
            if (m.find()) {
                current = m.group(2).equals("show") ? m.group(1) + " " + m.group(3) : null;
                continue;
            }
            Matcher p = OFCTL_PORT.matcher(line);
            if (current != null && p.find()) {
                out.computeIfAbsent(current, k -> new LinkedHashMap<>()).put(Integer.parseInt(p.group(1)), p.group(2));
            }
        }
        return out;
    }

    /** The tags {@code ovs-vsctl show} printed for compute01's ports ({@code network} false) or network-node's. */
    Map<String, Integer> tags(boolean network) {
        Map<String, Integer> out = new LinkedHashMap<>();
        String port = null;
        for (String line : section(network)) {
            Matcher p = VSCTL_PORT.matcher(line);
            Matcher t = VSCTL_TAG.matcher(line);
            if (p.find()) {
                port = p.group(1);
            } else if (t.find() && port != null) {
                out.put(port, Integer.parseInt(t.group(1)));
            }
        }
        return out;
    }

    /** The tunnel interfaces' {@code options: {...}} lines of a node's {@code ovs-vsctl show}. */
    List<String> tunnelOptions(boolean network) {
        List<String> out = new ArrayList<>();
        for (String line : section(network)) {
            Matcher m = VSCTL_OPTIONS.matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private List<String> section(boolean network) {
        int split = lines.indexOf(NETWORK_SECTION);
        return network ? lines.subList(split, lines.size()) : lines.subList(0, split);
    }

    /**
     * A dump line without what depends on time and traffic (duration, n_packets, n_bytes,
     * idle_age, hard_age), so that the seed's OVS 2.6 lines and ours compare.
     */
    static String normalize(String line) {
        return line.strip().replaceAll("(duration|n_packets|n_bytes|idle_age|hard_age)=[^,]*, ", "");
    }

    /** A flow the learn action of br-tun's table 10 added when traffic came in (hard_timeout=300 outside the learn). */
    static boolean learned(String normalized) {
        return normalized.matches("^cookie=\\S+, table=\\d+, hard_timeout=300, .*");
    }
}
