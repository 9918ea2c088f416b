package dev.packetwalk.linux;

import dev.packetwalk.linux.conntrack.Conntrack;
import dev.packetwalk.linux.ipset.IpSets;
import dev.packetwalk.linux.netfilter.Netfilter;
import dev.packetwalk.net.Clock;

/**
 * One network namespace: its links, addresses, routing tables, policy rules, neighbours,
 * sysctls, netfilter tables, conntrack and ipsets.
 */
public final class Namespace {
    private final String name;
    private final Clock clock;
    private Netfilter netfilter;
    private IpSets ipsets;
    private Conntrack conntrack;

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

    /** The netfilter tables (raw, mangle, nat, filter), created on first use. */
    public Netfilter netfilter() {
        if (netfilter == null) {
            netfilter = new Netfilter();
        }
        return netfilter;
    }

    /** The ipsets, created on first use; their reference counts come from the netfilter rules. */
    public IpSets ipsets() {
        if (ipsets == null) {
            ipsets = new IpSets(clock);
            ipsets.referencesFrom(name -> netfilter().setReferences(name));
        }
        return ipsets;
    }

    /** The connection tracking table, created on first use. */
    public Conntrack conntrack() {
        if (conntrack == null) {
            conntrack = new Conntrack(clock);
        }
        return conntrack;
    }
}
