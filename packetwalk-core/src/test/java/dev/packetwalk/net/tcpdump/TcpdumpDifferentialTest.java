package dev.packetwalk.net.tcpdump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.BeforeContainer;

import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.SampleTraffic;
import dev.packetwalk.net.pcap.PcapngWriter;

/**
 * The real tcpdump reads a pcap of generated frames of every kind; our printer must print the
 * same lines for the same frames (timestamps from the same virtual clock values). A jqwik
 * container, as the frames come from jqwik generators.
 */
class TcpdumpDifferentialTest {
    private static List<Frame> frames;
    private static long[] times;
    private static Path pcap;

    @BeforeContainer
    static void capture() throws Exception {
        Assumptions.assumeTrue(RealTcpdump.unavailable() == null, RealTcpdump.unavailable());
        frames = SampleTraffic.mixed(new Random(20261121), 700);
        times = new long[frames.size()];
        long t = 11L * 3600 * 1_000_000_000L + 59L * 60 * 1_000_000_000L;
        Random r = new Random(7);
        for (int i = 0; i < times.length; i++) {
            t += r.nextInt(3_000_000) + 1;
            times[i] = t;
        }
        pcap = RealTcpdump.pcap(frames, times);
    }

    private static void compare(TcpdumpOptions options, String... args) throws Exception {
        List<String> real = RealTcpdump.read(pcap, List.of(args));
        TcpdumpFormat ours = new TcpdumpFormat(options);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            mine.addAll(List.of(ours.format(times[i], frames.get(i)).split("\n", -1)));
        }
        int agree = 0;
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < Math.max(real.size(), mine.size()); i++) {
            String a = i < real.size() ? real.get(i) : "<none>";
            String b = i < mine.size() ? mine.get(i) : "<none>";
            if (a.equals(b)) {
                agree++;
            } else if (diffs.size() < 8) {
                diffs.add("line " + i + "\n  real: " + a + "\n  ours: " + b);
            }
        }
        System.out.printf("tcpdump %s: %d frames, %d/%d lines agree%n", String.join(" ", args), frames.size(), agree,
                real.size());
        assertThat(diffs).as("tcpdump " + String.join(" ", args)).isEmpty();
        assertThat(mine).hasSameSizeAs(real);
    }

    @Example
    void linkLevel() throws Exception {
        compare(TcpdumpOptions.LINK, "-n", "-e");
    }

    @Example
    void plain() throws Exception {
        compare(TcpdumpOptions.DEFAULT, "-n");
    }

    @Example
    void verbose() throws Exception {
        compare(new TcpdumpOptions(false, 1), "-n", "-v");
    }

    @Example
    void verboseLinkLevel() throws Exception {
        compare(new TcpdumpOptions(true, 1), "-n", "-e", "-v");
    }

    @Example
    void veryVerbose() throws Exception {
        compare(new TcpdumpOptions(false, 2), "-n", "-vv");
    }

    @Example
    void realTcpdumpFindsNoBadChecksumOrTruncation() throws Exception {
        List<String> lines = RealTcpdump.read(pcap, List.of("-n", "-e", "-vv"));
        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(l -> l.contains("[bad ") || l.contains("bad cksum") || l.contains("incorrect") || l.contains("truncated") || l.contains("[|ip")
                || l.contains("[|udp") || l.contains("[|icmp") || l.contains("[|arp"));
        long correct = lines.stream().filter(l -> l.contains("(correct)") || l.contains("[udp sum ok]")).count();
        assertThat(correct).isPositive();
    }

    @Example
    void pcapngReadsTheSameAsPcap() throws Exception {
        Path ng = Files.createTempFile("pw-tcpdump", ".pcapng");
        ng.toFile().deleteOnExit();
        try (PcapngWriter w = new PcapngWriter(Files.newOutputStream(ng), "tap0e6fb773-92")) {
            for (int i = 0; i < frames.size(); i++) {
                w.write(times[i], frames.get(i));
            }
        }
        assertThat(RealTcpdump.read(ng, List.of("-n", "-e"))).isEqualTo(RealTcpdump.read(pcap, List.of("-n", "-e")));
    }
}
