package dev.packetwalk.linux;

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
    private final Namespace root;
    private final Map<String, Namespace> named = new LinkedHashMap<>();

    public Kernel(Clock clock) {
        this.clock = clock;
        this.root = new Namespace(null, clock);
    }

    public Clock clock() {
        return clock;
    }

    public Namespace root() {
        return root;
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
        Namespace ns = new Namespace(name, clock);
        named.put(name, ns);
        return ns;
    }

    public boolean deleteNamespace(String name) {
        return named.remove(name) != null;
    }

    /** Named namespaces, newest first, as {@code ip netns list} prints them. */
    public List<Namespace> namespaces() {
        List<Namespace> list = new ArrayList<>(named.values());
        Collections.reverse(list);
        return list;
    }
}
