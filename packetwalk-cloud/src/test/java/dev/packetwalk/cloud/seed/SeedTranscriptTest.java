package dev.packetwalk.cloud.seed;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeedTranscriptTest {
    @Test
    void readsSeed004sExchanges() {
        List<SeedTranscript.Exchange> all = SeedTranscript.read("004_2c52dabca35841a1.txt");
        all.forEach(e -> System.out.println(e.line() + " [" + e.prompt() + "] " + e.command() + " -> " + e.output().size()));
        assertThat(all).extracting(SeedTranscript.Exchange::command)
                .contains("nova interface-list c-private", "ovs-ofctl dump-flows br-tun", "neutron router-list",
                        "ip netns exec qrouter-bfc87e1e-6b93-446f-a305-6dc6153c1198 ip r");
        assertThat(all).hasSizeGreaterThan(30);
    }
}
