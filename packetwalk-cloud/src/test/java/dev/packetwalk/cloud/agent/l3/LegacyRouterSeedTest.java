package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.agent.HostShell;
import dev.packetwalk.cloud.scenario.Scenario;
import dev.packetwalk.cloud.seed.SeedTranscript;
import dev.packetwalk.host.Host;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden: the legacy lab's router r1 lists its nat table as seed 004 shows it
 * ({@code ip netns exec qrouter-bfc87e1e-… iptables -L -t nat}), the expected text taken from
 * the seed file itself and compared line by line with whitespace runs as one space (the seed's
 * column padding is its author's: "anywhere" is followed by 13 spaces, "172.24.4.3" by 9).
 *
 * <p>iptables 1.4/1.6 (the seed's) and 1.8.9 (the emulator's, which the differential suite
 * holds to the real tool) print this table alike modulo whitespace: no line differs for a
 * version reason. Three differences are the transcript's, each corrected here and checked to
 * occur exactly where stated:
 * <ol>
 * <li>a blank line between the command and the output, which iptables never prints;</li>
 * <li>the blog wraps the long SNAT line after {@code to:172.24.} and continues with
 *     {@code 4.12}: the two seed lines are rejoined;</li>
 * <li>{@code /* Perform source NAT on outgoing traffic.*}{@code /} lacks the space iptables
 *     prints before the comment's end (libxt_comment prints {@code "/* %s *}{@code / "} in
 *     1.4/1.6 and {@code " /* %s *}{@code /"} in 1.8): the space is put back.</li>
 * </ol>
 */
class LegacyRouterSeedTest {
    private static final String SEED = "004_2c52dabca35841a1.txt";
    private static final String COMMAND = "ip netns exec qrouter-bfc87e1e-6b93-446f-a305-6dc6153c1198 iptables -L -t nat";
    private static final String WRAPPED_HEAD = "SNAT all -- anywhere anywhere mark match ! 0x2/0xffff ctstate DNAT to:172.24.";
    private static final String WRAPPED_TAIL = "4.12";
    private static final String COMMENT_AS_SEEN = "/* Perform source NAT on outgoing traffic.*/";
    private static final String COMMENT_AS_PRINTED = "/* Perform source NAT on outgoing traffic. */";

    @Test
    void r1ListsItsNatTableAsSeed004() {
        Host network = Deployment.render(Scenario.fromResource("legacy.yaml"))
                .host("network-node").orElseThrow();
        List<String> actual = normalized(HostShell.lines(network, COMMAND));
        assertThat(actual).isEqualTo(expected());
    }

    /** The seed's output with its three transcript artifacts corrected. */
    private static List<String> expected() {
        SeedTranscript.Exchange ex = SeedTranscript.read(SEED).stream()
                .filter(e -> e.command().equals(COMMAND)).findFirst().orElseThrow();
        List<String> seed = normalized(ex.output());
        assertThat(seed.get(0)).as("artifact 1: the blank line after the command").isEmpty();
        seed.remove(0);
        int head = seed.indexOf(WRAPPED_HEAD);
        assertThat(head).as("artifact 2: the wrapped SNAT line").isPositive();
        assertThat(seed.get(head + 1)).isEqualTo(WRAPPED_TAIL);
        seed.set(head, WRAPPED_HEAD + WRAPPED_TAIL);
        seed.remove(head + 1);
        int comment = seed.size() - 1;
        assertThat(seed.get(comment)).as("artifact 3: the comment's missing space").endsWith(COMMENT_AS_SEEN);
        seed.set(comment, seed.get(comment).replace(COMMENT_AS_SEEN, COMMENT_AS_PRINTED));
        assertThat(String.join("\n", seed)).doesNotContain(".*/");
        return seed;
    }

    /** Each line with whitespace runs as one space and no space at either end; trailing blank lines dropped. */
    private static List<String> normalized(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.trim().replaceAll("\\s+", " "));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
