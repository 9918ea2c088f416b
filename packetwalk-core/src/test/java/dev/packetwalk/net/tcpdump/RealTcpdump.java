package dev.packetwalk.net.tcpdump;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.pcap.PcapWriter;

/** Runs the real tcpdump on capture files (reading only; no interface is touched). */
final class RealTcpdump {
    static final Path TCPDUMP = Path.of("/usr/bin/tcpdump");

    private RealTcpdump() {
    }

    static String unavailable() {
        return Files.isExecutable(TCPDUMP) ? null : "tcpdump is not installed (apt-get install -y tcpdump)";
    }

    /** Writes {@code frames} at {@code times} to a new pcap file. */
    static Path pcap(List<Frame> frames, long[] times) throws IOException {
        Path f = Files.createTempFile("pw-tcpdump", ".pcap");
        f.toFile().deleteOnExit();
        try (PcapWriter w = new PcapWriter(Files.newOutputStream(f))) {
            for (int i = 0; i < frames.size(); i++) {
                w.write(times[i], frames.get(i));
            }
        }
        return f;
    }

    /** The last stderr line of {@code tcpdump -r FILE ARGS...} (its complaint about a bad filter). */
    static String error(Path file, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(TCPDUMP.toString(), "-r", file.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        return err.substring(err.lastIndexOf('\n') + 1);
    }

    /** {@code tcpdump -r FILE ARGS...} in UTC; stdout lines. */
    static List<String> read(Path file, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(TCPDUMP.toString(), "-r", file.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tcpdump did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }
}
