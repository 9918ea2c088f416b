package dev.packetwalk.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The oracle for differential tests: runs a script with the real iproute2/bridge-utils/
 * procps tools in a fresh private network (and mount) namespace via {@code unshare}, so the
 * machine's own interfaces are never touched.
 */
final class RealKernel {
    /** Lines the real run needs first so the kernel reaches its steady state at once (no IPv6 DAD delay). */
    static final String PRELUDE = String.join("\n",
            "sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0",
            "mkdir -p /run/netns && mount -t tmpfs pw-netns /run/netns");

    private RealKernel() {
    }

    /** Why the oracle cannot run here, or null when it can. */
    static String unavailableReason() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!uid.equals("0")) {
                return "differential tests need root (uid " + uid + ")";
            }
            for (String tool : List.of("/usr/bin/unshare", "/usr/sbin/ip", "/usr/sbin/brctl",
                    "/usr/sbin/sysctl")) {
                if (!Files.isExecutable(Path.of(tool)) && !Files.isExecutable(Path.of(tool.replace("/usr", "")))) {
                    return tool + " is not installed";
                }
            }
            return null;
        } catch (IOException e) {
            return "cannot run id: " + e.getMessage();
        }
    }

    /** Runs {@code script} (bash) in a private network and mount namespace; returns stdout. */
    static String run(String script) {
        try {
            Path file = Files.createTempFile("pw-real", ".sh");
            Files.writeString(file, PRELUDE + "\n" + script);
            Process p = new ProcessBuilder("unshare", "-n", "-m", "--propagation", "private",
                    "bash", file.toString()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
            Files.deleteIfExists(file);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("real kernel run failed", e);
        }
    }

    /**
     * Runs {@code script} fed to bash through a pipe, as {@code cat script | bash} does: a nested
     * shell ({@code ip netns exec NS bash}) then reads the lines that follow it.
     */
    static String runPiped(String script) {
        try {
            Process p = new ProcessBuilder("unshare", "-n", "-m", "--propagation", "private", "bash")
                    .redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                in.write((PRELUDE + "\n" + script).getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("real kernel run failed", e);
        }
    }
}
