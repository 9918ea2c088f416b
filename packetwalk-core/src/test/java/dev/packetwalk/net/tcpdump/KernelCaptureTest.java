package dev.packetwalk.net.tcpdump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.FrameDecoder;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.IcmpQuote;
import dev.packetwalk.net.pcap.PcapReader;

/**
 * Frames the real kernel sent (ping and a UDP datagram to a closed port on loopback, in a private
 * network namespace) and the real tcpdump wrote: our decoder reads them, re-serialises them
 * byte for byte (but for the UDP checksums loopback leaves partial), and our printer prints what tcpdump prints for the same file.
 */
class KernelCaptureTest {
    @Test
    void kernelTrafficDecodesReserialisesAndPrintsLikeTcpdump() throws Exception {
        Assumptions.assumeTrue(RealTcpdump.unavailable() == null, RealTcpdump.unavailable());
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ping")) || Files.isExecutable(Path.of("/bin/ping")),
                "ping is not installed (apt-get install -y iputils-ping)");
        Path pcap = Files.createTempFile("pw-kernel", ".pcap");
        pcap.toFile().deleteOnExit();
        String script = "ip link set lo up && (tcpdump -i lo -U -n -w " + pcap + " 'icmp or udp' 2>/dev/null & P=$!; "
                + "sleep 1; ping -c 3 -i 0.2 -q 127.0.0.1 >/dev/null; echo hello > /dev/udp/127.0.0.1/33434; "
                + "ping -c 1 -s 200 -q 127.0.0.1 >/dev/null; sleep 1; kill $P; wait $P)";
        Process p = new ProcessBuilder("unshare", "-n", "bash", "-c", script).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "unshare -n needs root");
        List<PcapReader.Record> records;
        try (InputStream in = Files.newInputStream(pcap)) {
            records = PcapReader.read(in);
        }
        assertThat(records).hasSizeGreaterThanOrEqualTo(9);
        TcpdumpFormat link = new TcpdumpFormat(TcpdumpOptions.LINK);
        TcpdumpFormat verbose = new TcpdumpFormat(new TcpdumpOptions(false, 1));
        List<String> ours = new ArrayList<>();
        List<String> oursVerbose = new ArrayList<>();
        boolean sawQuote = false;
        for (PcapReader.Record r : records) {
            Frame f = r.frame();
            byte[] again = f.toBytes();
            if (f.ipv4() != null && f.ipv4().protocol() == 17) {
                // loopback leaves UDP checksums partial (offload); ours are complete
                again[40] = r.bytes()[40];
                again[41] = r.bytes()[41];
            }
            assertThat(again).isEqualTo(r.bytes());
            assertThat(FrameDecoder.decode(again)).isEqualTo(f);
            sawQuote |= f.ipv4() != null && f.ipv4().payload() instanceof Icmp m && m.body() instanceof IcmpQuote;
            ours.addAll(List.of(link.format(r.nanos(), f).split("\n")));
            oursVerbose.addAll(List.of(verbose.format(r.nanos(), f).split("\n")));
        }
        assertThat(sawQuote).as("the kernel's port unreachable").isTrue();
        assertThat(ours).isEqualTo(RealTcpdump.read(pcap, List.of("-n", "-e")));
        assertThat(oursVerbose).isEqualTo(RealTcpdump.read(pcap, List.of("-n", "-v")));
    }
}
