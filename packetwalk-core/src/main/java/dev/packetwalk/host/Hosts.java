package dev.packetwalk.host;

import dev.packetwalk.host.command.shell.ShellCommands;
import dev.packetwalk.host.command.text.TextCommands;
import dev.packetwalk.net.Clock;

import java.util.HashMap;
import java.util.Map;

/** Builds hosts with every emulated command installed. */
public final class Hosts {
    private Hosts() {
    }

    /**
     * One empty host with Open vSwitch installed, like a fresh Debian machine after boot: its
     * loopback is up with 127.0.0.1/8.
     */
    public static Host bare(String name) {
        return booted(new Host(name, new Clock(), commands()));
    }

    /**
     * A host as a private network namespace starts ({@code unshare -n}): even the loopback is
     * down. The differential suites use it because their real side runs that way.
     */
    public static Host unshared(String name) {
        return new Host(name, new Clock(), commands());
    }

    /**
     * A booted host on a shared clock whose commands are every emulated one plus {@code extra}
     * (a cloud's API clients, for example), which may not replace an emulated command.
     */
    public static Host withCommands(String name, Clock clock, Map<String, Command> extra) {
        Map<String, Command> all = commands();
        for (Map.Entry<String, Command> e : extra.entrySet()) {
            if (all.putIfAbsent(e.getKey(), e.getValue()) != null) {
                throw new IllegalArgumentException("command " + e.getKey() + " is already emulated");
            }
        }
        return booted(new Host(name, clock, all));
    }

    /** What booting does to the network: the loopback comes up (with 127.0.0.1/8). */
    private static Host booted(Host host) {
        dev.packetwalk.linux.Namespace root = host.kernel().root();
        root.devices().setUp(root.links().byName("lo"), true);
        return host;
    }

    /**
     * A bare host whose switch runs the {@code --enable-dummy=override} datapath, where any port
     * name opens: the differential suites use it because their real OVS runs that way.
     */
    public static Host dummyDatapath(String name) {
        Host host = unshared(name);
        host.vswitch().datapathFlavour(dev.packetwalk.ovs.DatapathFlavour.DUMMY);
        return host;
    }

    /** Every command a host knows, by name. Each area adds its commands here. */
    static Map<String, Command> commands() {
        Map<String, Command> all = new HashMap<>();
        all.put("ovs-vsctl", new dev.packetwalk.host.command.ovs.OvsVsctl());
        all.put("ovs-ofctl", new dev.packetwalk.host.command.ovs.OvsOfctl());
        all.put("ovs-appctl", new dev.packetwalk.host.command.ovs.OvsAppctl());
        all.putAll(dev.packetwalk.host.command.netfilter.NetfilterCommands.all());
        all.putAll(ShellCommands.all());
        all.putAll(TextCommands.all());
        all.put("ip", new dev.packetwalk.host.command.linux.IpCommand());
        all.put("sysctl", new dev.packetwalk.host.command.linux.SysctlCommand());
        all.put("cat", new dev.packetwalk.host.command.linux.CatCommand());
        all.put("brctl", new dev.packetwalk.host.command.linux.BrctlCommand());
        all.put("ping", new dev.packetwalk.host.command.linux.PingCommand());
        all.put("arping", new dev.packetwalk.host.command.linux.ArpingCommand());
        return all;
    }
}
