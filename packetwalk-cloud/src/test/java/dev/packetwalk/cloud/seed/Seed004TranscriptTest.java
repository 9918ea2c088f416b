package dev.packetwalk.cloud.seed;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.api.Terminal;
import dev.packetwalk.cloud.lab.Lab;
import dev.packetwalk.host.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command of seed 004 run on the {@code legacy} lab, compared with the output the seed
 * prints (the seed's own text is the golden file). Lines are compared with their whitespace
 * runs collapsed, as the seed's blog formatting changed indentation and column padding, and
 * without what is run-specific (flow durations, counters and ages). Each seed line Packetwalk
 * does not print is listed in {@link #KNOWN} with the reason; every entry there must still be
 * needed, so a fix shows up here.
 */
class Seed004TranscriptTest {
    private static final String SEED = "004_2c52dabca35841a1.txt";
    /** cliff fits the Ocata clients' tables to the terminal; 109 columns reproduce both of the seed's wrapped tables. */
    private static final int SEED_TERMINAL_COLUMNS = 109;
    private static final Pattern RUN_SPECIFIC = Pattern.compile(
            " ?(duration=[0-9.]+s|n_packets=\\d+|n_bytes=\\d+|idle_age=\\d+|hard_age=\\d+),");

    /** A seed line (a regular expression over the normalised line) allowed to be missing from one exchange, and why. */
    private record Known(int line, String pattern, String reason) {
    }

    private static final String OVS26_NETNS = "OVS 2.6 could not see an internal port moved into a namespace and showed it"
            + " down with a made-up address; OVS 3.1 follows the device into the namespace (netnsid support)";
    private static final String OFCTL_SHOW_STATE = "Packetwalk's ovs-ofctl show prints every port up without link "
            + "features (the dummy-datapath form); a node's down LOCAL port and a veth's 10G features are not modelled yet";
    private static final String TRAFFIC = "learned by traffic, which the lab has not carried yet (live traffic is issue 7)";

    private static final List<Known> KNOWN = List.of(
            new Known(239, "[12] 2 fa:16:3e:.*", TRAFFIC),
            new Known(249, "config: PORT_DOWN|state: LINK_DOWN", OFCTL_SHOW_STATE),
            new Known(266, "current: 10GB-FD COPPER|speed: 10000 Mbps now, 0 Mbps max|config: PORT_DOWN|state: LINK_DOWN",
                    OFCTL_SHOW_STATE),
            new Known(306, "cookie=0x876248e21ebb5890, table=20, hard_timeout=300, .*", TRAFFIC),
            new Known(443, "\\d+ [34] .*", TRAFFIC),
            new Known(475, "\\d+\\((tap|qr-|qg-).*\\): addr:00:00:00:00:.*|config: PORT_DOWN|state: LINK_DOWN", OVS26_NETNS),
            new Known(644, "(1|13|16): .*", "the seed's kernel numbered and flagged devices differently: lo's qlen was 1 "
                    + "and ifindexes are the order devices were created on that node"),
            new Known(679, "SNAT all -- anywhere anywhere mark match ! 0x2/0xffff ctstate DNAT to:172.24.|4.12|"
                    + "neutron-l3-agent-snat all -- anywhere anywhere /\\* Perform source NAT on outgoing traffic.\\*/",
                    "the blog wrapped one line at to:172.24.|4.12 and dropped the space iptables prints before */"),
            new Known(783, "\\d+ [34] .*", TRAFFIC),
            new Known(798, "11\\(qg-a1b3323f-35\\): addr:00:00:00:00:60:ca|config: PORT_DOWN|state: LINK_DOWN", OVS26_NETNS),
            new Known(842, "(1|LOCAL) 0 .*", TRAFFIC));

    /** The lab as the seed's terminal showed it, and as a pipe sees it (cliff fits tables to a terminal only). */
    private static Deployment screen;
    private static Deployment piped;

    @BeforeAll
    static void render() {
        Lab legacy = Lab.named("legacy").orElseThrow();
        screen = Deployment.render(legacy.cloud(), Terminal.of(SEED_TERMINAL_COLUMNS));
        piped = Deployment.render(legacy.cloud());
    }

    @Test
    void everySeedOutputLineIsPrintedOrKnown() {
        List<SeedTranscript.Exchange> exchanges = SeedTranscript.read(SEED);
        assertThat(exchanges).hasSizeGreaterThanOrEqualTo(32);
        Set<Known> used = new HashSet<>();
        int compared = 0;
        List<String> failures = new ArrayList<>();
        for (SeedTranscript.Exchange e : exchanges) {
            List<String> ours = run(node(e), e.command());
            for (String missing : missing(e, ours)) {
                Known k = KNOWN.stream().filter(x -> x.line() == e.line() && missing.matches(x.pattern())).findFirst()
                        .orElse(null);
                if (k == null) {
                    failures.add("seed line " + e.line() + " (" + e.command() + "): " + missing);
                } else {
                    used.add(k);
                }
            }
            compared += expected(e).size();
        }
        System.out.println("Seed004TranscriptTest: " + exchanges.size() + " commands, " + compared
                + " seed output lines compared, " + used.size() + " known differences");
        assertThat(failures).isEmpty();
        assertThat(used).as("known differences no longer needed").containsExactlyInAnyOrderElementsOf(KNOWN);
    }

    @Test
    void theNetworkNodesOvsConfigurationBlockMatches() {
        // seed line 351 prints `ovs-vsctl show` of the network node without its command line
        List<String> seed = SeedTranscript.block(SEED, 351);
        List<String> ours = run("network-node", "ovs-vsctl show");
        List<String> missing = new ArrayList<>();
        for (String l : seed) {
            String n = expectedForm(l);
            if (!n.isEmpty() && !ours.remove(n)) {
                missing.add(n);
            }
        }
        // the twin emulates OVS 3.1 and says so
        assertThat(missing).containsExactly("ovs_version: \"2.6.1\"");
        assertThat(ours).contains("ovs_version: \"3.1.0\"");
    }

    /** The seed lines Packetwalk does not print: in order, or in any order where OVS prints in hash order. */
    private static List<String> missing(SeedTranscript.Exchange e, List<String> ours) {
        List<String> left = new ArrayList<>(ours);
        boolean anyOrder = e.command().startsWith("ovs-vsctl show") || e.command().startsWith("ovs-appctl fdb/show");
        List<String> missing = new ArrayList<>();
        for (String n : expected(e)) {
            int at = left.indexOf(n);
            if (at < 0) {
                missing.add(n);
            } else if (anyOrder) {
                left.remove(at);
            } else {
                left.subList(0, at + 1).clear();
            }
        }
        return missing;
    }

    private static List<String> expected(SeedTranscript.Exchange e) {
        List<String> out = new ArrayList<>();
        for (String l : e.output()) {
            String n = expectedForm(l);
            if (!n.isEmpty() && !n.equals("...")) {
                out.add(n);
            }
        }
        return out;
    }

    /** A seed line as OVS 3.1 would print the same thing: names are quoted only where they must be. */
    private static String expectedForm(String line) {
        return norm(line).replaceAll("^(Port|Interface) \"([^\"]+)\"$", "$1 $2");
    }

    private static List<String> run(String node, String command) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Deployment lab = command.contains("|") ? piped : screen;
        new Shell(lab.host(node).orElseThrow()).runScript(command + "\n", out, err);
        assertThat(err).as(node + "# " + command).isEmpty();
        // iproute2 6.1 shows a namespace's id, which the seed's did not know
        return new ArrayList<>(out.toString().lines().map(l -> norm(l).replaceAll(" \\(id: \\d+\\)$", "")).toList());
    }

    private static String norm(String line) {
        return RUN_SPECIFIC.matcher(line.strip().replaceAll("\\s+", " ")).replaceAll("");
    }

    /** The node a seed prompt stands for ({@code compute-node} is compute01; bare {@code #} lines are the API's or the network node's). */
    private static String node(SeedTranscript.Exchange e) {
        return switch (e.prompt()) {
            case "compute01", "compute-node" -> "compute01";
            case "network-node" -> "network-node";
            case "controller" -> "controller";
            default -> e.command().startsWith("ip ") ? "network-node" : "controller";
        };
    }
}
