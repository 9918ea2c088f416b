package dev.packetwalk.host.wiring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real Open vSwitch 3.1 with the userspace (netdev) datapath, run with a script inside a
 * private network and mount namespace ({@code unshare -n -m --propagation private}): its own
 * ovsdb-server and ovs-vswitchd run directory, a tmpfs on /run/netns for {@code ip netns}, and
 * IPv6 off (the real kernel's router solicitations would otherwise cross the bridge and count).
 * The kernel datapath cannot be used here: the openvswitch module is not available.
 */
final class RealSwitch {
    private static final Pattern ADD_BR = Pattern.compile("(?m)^(ovs-vsctl\\b.*\\badd-br (\\S+)\\b.*)$");
    private static final Pattern NETNS_ADD = Pattern.compile("(?m)^ip netns add (\\S+)$");

    private RealSwitch() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/ovs-vswitchd")) && Files.isExecutable(Path.of("/usr/bin/unshare"))
                && Files.exists(Path.of("/dev/net/tun")) && Files.isExecutable(Path.of("/usr/bin/ping"));
    }

    /** The real side of a script: bridges on the netdev datapath, IPv6 off in each new namespace. */
    static String adapt(String script) {
        String s = ADD_BR.matcher(script).replaceAll("$1 -- set bridge $2 datapath_type=netdev");
        return NETNS_ADD.matcher(s).replaceAll(
                "ip netns add $1\nip netns exec $1 sysctl -qw net.ipv6.conf.all.disable_ipv6=1"
                        + " net.ipv6.conf.default.disable_ipv6=1");
    }

    /** Runs {@code script} (already adapted) against a fresh private switch; returns its stdout and stderr. */
    static String run(String script) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pw-realswitch-");
        String d = dir.toString();
        String prologue = String.join("\n",
                "export OVS_RUNDIR=" + d + " OVS_LOGDIR=" + d + " OVS_DBDIR=" + d + " OVS_SYSCONFDIR=" + d,
                "mount -t tmpfs tmpfs /run/netns 2>/dev/null || { mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns; }",
                "sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1",
                "ip link set lo up",
                "ovsdb-tool create " + d + "/conf.db /usr/share/openvswitch/vswitch.ovsschema",
                "ovsdb-server --detach --no-chdir --pidfile --remote=punix:" + d + "/db.sock " + d + "/conf.db",
                "ovs-vsctl --no-wait init",
                // as ovs-ctl does when Debian 12 starts Open vSwitch
                "ovs-vsctl --no-wait set Open_vSwitch . ovs_version=$(ovs-vswitchd --version | awk '/Open vSwitch/{print $NF}')",
                "ovs-vswitchd --disable-system --detach --no-chdir --pidfile unix:" + d + "/db.sock 2>/dev/null",
                "exec 3>&1 4>&2", "");
        String epilogue = "\novs-appctl -t ovs-vswitchd exit >/dev/null 2>&1\n"
                + "ovs-appctl -t ovsdb-server exit >/dev/null 2>&1\n";
        Path file = dir.resolve("script.sh");
        Files.writeString(file, prologue + script + epilogue);
        ProcessBuilder pb = new ProcessBuilder("unshare", "-n", "-m", "--propagation", "private", "bash", file.toString());
        pb.redirectErrorStream(true);
        Path out = dir.resolve("out");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("real switch script timed out");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        dev.packetwalk.ovs.RealOvs.deleteTree(dir);
        return text;
    }
}
