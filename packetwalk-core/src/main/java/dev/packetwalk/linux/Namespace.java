package dev.packetwalk.linux;

import dev.packetwalk.net.Clock;

/**
 * One network namespace: its links, addresses, routing tables, policy rules, neighbours,
 * sysctls, netfilter tables, conntrack and ipsets.
 */
public final class Namespace {
    private final String name;
    private final Clock clock;

    Namespace(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    /** The name given by {@code ip netns add}, or null for the root namespace. */
    public String name() {
        return name;
    }

    public Clock clock() {
        return clock;
    }
}
