package dev.packetwalk.ovs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private, real Open vSwitch 3.1 for differential tests: its own ovsdb-server and
 * ovs-vswitchd in a temporary run directory, with the dummy datapath standing in for the
 * kernel one ({@code --enable-dummy=override}), so bridges behave as on a Neutron node
 * without a kernel module; ovs-vswitchd runs in a network namespace of its own
 * ({@code unshare -n}), so it cannot touch this machine's interfaces.
 *
 * <p>Scripts run through {@code bash} with {@code OVS_RUNDIR} pointing at the private
 * instance, so plain {@code ovs-vsctl}, {@code ovs-ofctl} and {@code ovs-appctl} talk to it.
 */
public final class RealOvs implements AutoCloseable {
    /** What a script printed and its exit status. */
    public record Result(String out, String err, int status) {
    }

    private final Path dir;

    private RealOvs(Path dir) {
        this.dir = dir;
    }

    /** True when the OVS programs are installed and we may start them. */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/ovs-vswitchd"))
                && Files.isExecutable(Path.of("/usr/sbin/ovsdb-server"))
                && Files.isExecutable(Path.of("/usr/bin/ovs-vsctl"))
                && Files.exists(Path.of("/usr/share/openvswitch/vswitch.ovsschema"));
    }

    public static RealOvs start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("packetwalk-ovs-");
        RealOvs ovs = new RealOvs(dir);
        String d = dir.toString();
        Result r = ovs.run(String.join("\n",
                "set -e",
                "ovsdb-tool create " + d + "/conf.db /usr/share/openvswitch/vswitch.ovsschema",
                "ovsdb-server --detach --no-chdir --pidfile --log-file --remote=punix:" + d
                        + "/db.sock " + d + "/conf.db",
                "ovs-vsctl --no-wait init",
                "unshare -n ovs-vswitchd --enable-dummy=override --disable-system --detach --no-chdir"
                        + " --pidfile --log-file unix:" + d + "/db.sock",
                "ovs-vsctl --timeout=10 wait-until Open_vSwitch . next_cfg=0 >/dev/null || true"));
        if (r.status() != 0) {
            ovs.close();
            throw new IOException("could not start a private OVS: " + r.err());
        }
        return ovs;
    }

    /** Runs a bash script against this instance (at most 60 s). */
    public Result run(String script) throws IOException, InterruptedException {
        return run(script, 60);
    }

    /** Runs a bash script against this instance, killing it after {@code timeoutSeconds}. */
    public Result run(String script, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
        pb.environment().put("OVS_RUNDIR", dir.toString());
        pb.environment().put("OVS_LOGDIR", dir.toString());
        pb.environment().put("OVS_DBDIR", dir.toString());
        pb.environment().put("OVS_SYSCONFDIR", dir.toString());
        pb.environment().put("OVS_PKGDATADIR", "/usr/share/openvswitch");
        pb.directory(dir.toFile());
        Path outFile = dir.resolve("script.out");
        Path errFile = dir.resolve("script.err");
        pb.redirectOutput(outFile.toFile());
        pb.redirectError(errFile.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("script timed out: " + script);
        }
        return new Result(Files.readString(outFile, StandardCharsets.UTF_8),
                Files.readString(errFile, StandardCharsets.UTF_8), p.exitValue());
    }

    /** Removes every bridge, so the next case starts from an empty switch. */
    public void reset() throws IOException, InterruptedException {
        run("for b in $(ovs-vsctl list-br); do ovs-vsctl del-br \"$b\"; done;"
                + " ovs-vsctl --if-exists del-manager; ovs-appctl fdb/flush >/dev/null 2>&1 || true");
    }

    public Path dir() {
        return dir;
    }

    /**
     * Stops both daemons and removes the run directory. Never throws: the daemons remove their
     * own pid files and sockets while we walk the directory, so vanished files are expected.
     */
    @Override
    public void close() {
        List<Long> pids = new ArrayList<>();
        for (String name : List.of("ovs-vswitchd.pid", "ovsdb-server.pid")) {
            try {
                pids.add(Long.parseLong(Files.readString(dir.resolve(name)).trim()));
            } catch (IOException | RuntimeException e) {
                // not started, or already gone
            }
        }
        try {
            run("ovs-appctl -t ovs-vswitchd exit 2>/dev/null; ovs-appctl -t ovsdb-server exit 2>/dev/null; true");
        } catch (IOException | InterruptedException e) {
            // the processes are killed below
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> {
                try {
                    p.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path root) {
        for (int attempt = 0; attempt < 3 && Files.exists(root); attempt++) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException | UncheckedIOException e) {
                // a file vanished under the walk: walk again
            }
        }
    }
}
