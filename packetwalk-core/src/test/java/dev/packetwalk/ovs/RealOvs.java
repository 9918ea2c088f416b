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
                "unshare -n ovs-vswitchd " + dummy + " --disable-system --detach --no-chdir"
 *
 * <p>Scripts run through {@code bash} with {@code OVS_RUNDIR} pointing at the private
 * instance, so plain {@code ovs-vsctl}, {@code ovs-ofctl} and {@code ovs-appctl} talk to it.
 */
public final class RealOvs implements AutoCloseable {
    /** What a script printed and its exit status. */
    public record Result(String out, String err, int status) {
    }

    /** How ovs-vswitchd provides its datapath. */
    public enum Mode { OVERRIDE, DUMMY_TUNNELS }

    private static final java.util.regex.Pattern ADD_BR =
            java.util.regex.Pattern.compile("(?m)^(ovs-vsctl\\b.*\\badd-br (\\S+)\\b.*)$");

    private final Path dir;
    private final Mode mode;

    private RealOvs(Path dir, Mode mode) {
        this.dir = dir;
        this.mode = mode;
    }

    /** True when the OVS programs are installed and we may start them. */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/ovs-vswitchd"))
                && Files.isExecutable(Path.of("/usr/sbin/ovsdb-server"))
                && Files.isExecutable(Path.of("/usr/bin/ovs-vsctl"))
                && Files.exists(Path.of("/usr/share/openvswitch/vswitch.ovsschema"));
    }

    /**
     * Starts a private OVS for a test class, or skips the class (JUnit assumption) when Open
     * vSwitch is not installed or we are not root.
     */
    public static RealOvs startOrSkip() throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(available(), "Open vSwitch 3.1 is not installed");
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to run ovs-vswitchd");
        return start();
    }

    public static RealOvs start() throws IOException, InterruptedException {
        return start(Mode.OVERRIDE);
    }

    public static RealOvs start(Mode mode) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("packetwalk-ovs-");
        RealOvs ovs = new RealOvs(dir, mode);
        String dummy = mode == Mode.OVERRIDE ? "--enable-dummy=override" : "--enable-dummy";
        String d = dir.toString();
        Result r = ovs.run(String.join("\n",
                "set -e",
                "ovsdb-tool create " + d + "/conf.db /usr/share/openvswitch/vswitch.ovsschema",
                "ovsdb-server --detach --no-chdir --pidfile --log-file --remote=punix:" + d
                        + "/db.sock " + d + "/conf.db",
                "ovs-vsctl --no-wait init",
                // as ovs-ctl does when Debian 12 starts Open vSwitch
                "ovs-vsctl --no-wait set Open_vSwitch . ovs_version=$(ovs-vswitchd --version | awk '/Open vSwitch/{print $NF}')",
                "unshare -n ovs-vswitchd " + dummy + " --disable-system --detach --no-chdir"
                        + " --pidfile --log-file unix:" + d + "/db.sock",
                "ovs-vsctl --timeout=10 wait-until Open_vSwitch . next_cfg=0 >/dev/null || true",
                // like OVS's own tests: a stopped clock, so MAC ages and LRU refreshes do not depend
                // on how long the commands take
                mode == Mode.DUMMY_TUNNELS ? "ovs-appctl time/stop" : "true"));
        if (r.status() != 0) {
            ovs.close();
            throw new IOException("could not start a private OVS: " + r.err());
        }
        return ovs;
    }

    /**
     * The real side of a topology script: in {@link Mode#DUMMY_TUNNELS} every {@code ovs-vsctl}
     * line that adds a bridge also gives it {@code datapath_type=dummy} (traces do not show it).
     */
    public String adapt(String script) {
        return mode == Mode.OVERRIDE ? script
                : ADD_BR.matcher(script).replaceAll("$1 -- set bridge $2 datapath_type=dummy");
    }

    /**
     * Kernel-style tunnel actions for the datapath of {@code bridge} (and every bridge sharing
     * it): {@code dpif/set-dp-features BR tnl_push_pop false}, as tests/tunnel.at does.
     */
    public void kernelTunnels(String bridge) throws IOException, InterruptedException {
        Result r = run("ovs-appctl dpif/set-dp-features " + bridge + " tnl_push_pop false");
        if (r.status() != 0) {
            throw new IOException("dpif/set-dp-features failed: " + r.err());
        }
    }

    public Mode mode() {
        return mode;
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

    /** Deletes a scratch folder even while exiting daemons still remove their own files in it. */
    public static void deleteTree(Path root) {
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
