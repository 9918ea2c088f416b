package dev.packetwalk.linux.netfilter;

import java.util.ArrayList;
import java.util.List;

/** A chain: built-in (with a policy and its counters) or user-defined; an ordered rule list. */
public final class Chain {
    private final String name;
    private final boolean builtin;
    private String policy;
    private final List<Rule> rules = new ArrayList<>();
    private long packets;
    private long bytes;
    private boolean counting;
    private ChainIndex index;

    Chain(String name, boolean builtin) {
        this.name = name;
        this.builtin = builtin;
        this.policy = builtin ? "ACCEPT" : null;
    }

    public String name() {
        return name;
    }

    public boolean builtin() {
        return builtin;
    }

    /** ACCEPT or DROP for a built-in chain, null for a user chain. */
    public String policy() {
        return policy;
    }

    void policy(String newPolicy) {
        this.policy = newPolicy;
    }

    /**
     * Whether the policy counts packets: iptables-nft creates a base chain with counters only
     * when its policy is set ({@code -P}, or a restore's {@code :CHAIN POLICY} line); a chain
     * created by adding a rule keeps showing 0 packets (measured).
     */
    public boolean counting() {
        return counting;
    }

    void counting(boolean on) {
        this.counting = on;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Drops the traversal index after the rules changed. */
    void invalidate() {
        index = null;
    }

    ChainIndex index(Table table) {
        ChainIndex i = index;
        if (i == null) {
            i = new ChainIndex(this, table);
            index = i;
        }
        return i;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    public void setCounters(long packetCount, long byteCount) {
        this.packets = packetCount;
        this.bytes = byteCount;
    }

    public void countPolicy(int length) {
        packets++;
        bytes += length;
    }

    Chain copy() {
        Chain c = new Chain(name, builtin);
        c.policy = policy;
        c.counting = counting;
        c.packets = packets;
        c.bytes = bytes;
        for (Rule r : rules) {
            c.rules.add(r.copy());
        }
        return c;
    }
}
