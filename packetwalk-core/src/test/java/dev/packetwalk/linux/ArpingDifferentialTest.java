package dev.packetwalk.linux;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * iputils arping against the real one in private namespaces: probes and replies, unicast after
 * the first reply, -f, -w, -b, -q, -s, duplicate address detection (-D), gratuitous requests
 * (-U) and replies (-A), bad arguments, and the neighbour entries the probes leave behind.
 * Only reply times are run-specific.
 */
class ArpingDifferentialTest {
    private static final Pattern TIME = Pattern.compile("\\] +[0-9]+\\.[0-9]+ms");

    @BeforeAll
    static void oracleAvailable() {
        String reason = RealKernel.unavailableReason();
        assumeTrue(reason == null, reason);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/arping")), "arping (iputils-arping) is not installed");
    }

    static final List<String> SCRIPT = PathDifferentialTest.lines(
            "ip netns add a", "ip netns add b", "ip netns add c",
            "ip link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b",
            "ip link add wa address 02:00:00:00:00:1a type veth peer name wc address 02:00:00:00:00:1c",
            "ip link set va netns a", "ip link set vb netns b", "ip link set wa netns a", "ip link set wc netns c",
            "ip -n a addr add 10.0.0.1/24 dev va", "ip -n b addr add 10.0.0.2/24 dev vb",
            "ip -n a addr add 10.1.0.1/24 dev wa", "ip -n c addr add 10.1.0.3/24 dev wc",
            "ip netns exec a arping -c 1 -I va 10.0.0.2",
            "ip -n a link set va up", "ip -n b link set vb up",
            "ip netns exec a arping -c 1 10.0.0.2",
            "ip -n a link set wa up", "ip -n c link set wc up",
            "ip netns exec a arping -c 2 -I va 10.0.0.2",
            "ip -n b neigh", "ip -n a neigh",
            "ip netns exec a arping -f -c 3 -I va 10.0.0.2",
            "ip netns exec a arping -c 1 -w 1 -I va 10.0.0.9",
            "ip netns exec a arping -w 2 -I va 10.0.0.2",
            "ip netns exec a arping -c 2 -b -I va 10.0.0.2",
            "ip netns exec a arping -q -c 1 -I va 10.0.0.2",
            "ip netns exec a arping -c 1 -s 10.0.0.1 -I va 10.0.0.2",
            "ip netns exec a arping -c 1 -s 10.9.9.9 -I va 10.0.0.2",
            "ip netns exec a arping -c 1 -I wa 10.0.0.2",
            "ip netns exec a arping -c 2 -D -I va 10.0.0.2",
            "ip netns exec a arping -c 2 -D -I va 10.0.0.7",
            "ip netns exec c arping -c 2 -U -I wc 10.1.0.3",
            "ip netns exec c arping -c 1 -A -I wc 10.1.0.3",
            "ip -n a neigh",
            "ip netns exec c arping -c 1 -I wc 10.1.0.1",
            "ip netns exec c arping -c 1 -U -I wc 10.1.0.3",
            "ip -n a neigh show dev wa",
            "ip netns exec a arping -c 1 -I nodev 10.0.0.2",
            "ip netns exec a arping -Z 10.0.0.2",
            "ip netns exec a arping -c x -I va 10.0.0.2",
            "ip netns exec a arping -c",
            "ip netns exec a arping -V");

    @Test
    void arpingAgreesWithIputils() {
        List<Differential.Outcome> outcomes = Differential.compare(SCRIPT);
        int ok = 0;
        StringBuilder report = new StringBuilder();
        for (Differential.Outcome o : outcomes) {
            String real = PathDifferentialTest.normalise(o.command(), TIME.matcher(o.real()).replaceAll("] T ms"));
            String ours = PathDifferentialTest.normalise(o.command(), TIME.matcher(o.ours()).replaceAll("] T ms"));
            if (real.equals(ours)) {
                ok++;
            } else {
                report.append("$ ").append(o.command()).append("\n--- real\n").append(o.real())
                      .append("--- packetwalk\n").append(o.ours()).append('\n');
            }
        }
        System.out.printf("arping: %d/%d commands agree with iputils and the real kernel%n", ok, outcomes.size());
        assertThat(report.toString()).isEmpty();
    }
}
