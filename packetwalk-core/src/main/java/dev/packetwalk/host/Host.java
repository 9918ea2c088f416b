package dev.packetwalk.host;

import dev.packetwalk.linux.Kernel;
import dev.packetwalk.net.Clock;
import dev.packetwalk.ovs.Vswitch;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One machine: a Linux kernel (root namespace and named namespaces) plus one ovs-vswitchd,
 * wired together, and the commands a person can type on it. A host is a plain object; tests
 * build as many as they like (see {@link Hosts}).
 */
public final class Host {
    private final String name;
    private final Clock clock;
    private final Kernel kernel;
    private final Vswitch vswitch;
    private final Map<String, Command> commands;
    private final dev.packetwalk.host.wiring.KernelDatapath datapath;

    public Host(String name, Clock clock, Map<String, Command> commands) {
        this.name = name;
        this.clock = clock;
        this.kernel = new Kernel(clock, name.hashCode());
        this.vswitch = new Vswitch(clock, 0x5eed_0f_0b5L ^ name.hashCode());
        this.datapath = dev.packetwalk.host.wiring.KernelDatapath.attach(kernel, vswitch);
        this.commands = Collections.unmodifiableMap(new TreeMap<>(commands));
    }

    public String name() {
        return name;
    }

    public Clock clock() {
        return clock;
    }

    public Kernel kernel() {
        return kernel;
    }

    public Vswitch vswitch() {
        return vswitch;
    }

    /**
     * The OVS kernel datapath joining the two: the devices bound to OVS interfaces and the packet
     * path across them. Live packets go through {@code kernel().stack()} (inject, ping, send); they
     * cross bridges on their own.
     */
    public dev.packetwalk.host.wiring.KernelDatapath datapath() {
        return datapath;
    }

    public Optional<Command> command(String commandName) {
        return Optional.ofNullable(commands.get(commandName));
    }

    public Map<String, Command> commands() {
        return commands;
    }
}
