package dev.packetwalk.linux;

import dev.packetwalk.linux.link.MacSource;
import dev.packetwalk.net.Clock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One Linux kernel: the root network namespace and the named ones ({@code ip netns}). */
public final class Kernel {
    private final Clock clock;
    private final MacSource macs;
    private final Namespace root;
    private final Map<String, Namespace> named = new LinkedHashMap<>();
    private dev.packetwalk.linux.stack.NetStack stack;

    public Kernel(Clock clock) {
        this(clock, 0x5eed);
    }

    /** A kernel whose new devices get addresses from a generator seeded with {@code seed}. */
    public Kernel(Clock clock, long seed) {
        this.clock = clock;
        this.macs = new MacSource(seed);
        this.root = new Namespace(null, clock, this);
    }

    public Clock clock() {
        return clock;
    }

    /** The live packet path of this kernel (one simulation on the kernel's clock), created on first use. */
    public dev.packetwalk.linux.stack.NetStack stack() {
        if (stack == null) {
            stack = new dev.packetwalk.linux.stack.NetStack(this,
                    new dev.packetwalk.net.sim.Simulation(clock, dev.packetwalk.net.sim.Simulation.Mode.LIVE));
        }
        return stack;
    }

    public Namespace root() {
        return root;
    }

    /** A fresh Ethernet address for a new device (random-looking, locally administered). */
    public long nextMac() {
        return macs.next();
    }

    /** The namespace called {@code name}, or the root namespace for null. */
    public Optional<Namespace> namespace(String name) {
        return name == null ? Optional.of(root) : Optional.ofNullable(named.get(name));
    }

    public Namespace addNamespace(String name) {
        if (named.containsKey(name)) {
            throw new IllegalStateException("Cannot create namespace file \"/run/netns/" + name
                    + "\": File exists");
        }
        Namespace ns = new Namespace(name, clock, this);
        named.put(name, ns);
        return ns;
    }

    /** Deletes a named namespace; its devices are destroyed (veth peers elsewhere too). */
    public boolean deleteNamespace(String name) {
        Namespace ns = named.remove(name);
        if (ns == null) {
            return false;
        }
        ns.devices().destroyAll();
        root.forgetPeer(ns);
        for (Namespace other : named.values()) {
            other.forgetPeer(ns);
        }
        return true;
    }

    /** Named namespaces, newest first, as {@code ip netns list} prints them. */
    public List<Namespace> namespaces() {
        List<Namespace> list = new ArrayList<>(named.values());
        Collections.reverse(list);
        return list;
    }
}
