package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.ovs.flowmod.FlowMod;

/**
 * One flow in an OpenFlow table: what {@code add-flow} installed ({@link FlowMod}) plus the
 * switch's own bookkeeping — packet and byte counters, when it was added, last modified and
 * last used (virtual clock, nanoseconds). Counters and the last-used time change only for real
 * packets, never on a trace (not even with {@code -generate}). A modify replaces the rule (see
 * {@link FlowMods}), so the cookie index and the expiry list always see the rule's real state.
 */
public final class Rule {
    private final FlowMod mod;
    private final long createdNanos;
    private long modifiedNanos;
    private long usedNanos;
    private long packets;
    private long bytes;

    public Rule(FlowMod mod, long nowNanos) {
        this.mod = mod;
        this.createdNanos = nowNanos;
        this.modifiedNanos = nowNanos;
        this.usedNanos = nowNanos;
    }

    /**
     * The rule that replaces {@code old} (an add with the same match and priority, or a
     * modify): OVS builds a new rule, carries the last-used time over always and the counters
     * unless they are reset.
     */
    Rule(FlowMod mod, long createdNanos, long nowNanos, Rule old, boolean keepCounts) {
        this.mod = mod;
        this.createdNanos = createdNanos;
        this.modifiedNanos = nowNanos;
        this.usedNanos = old == null ? nowNanos : old.usedNanos;
        if (old != null && keepCounts) {
            this.packets = old.packets;
            this.bytes = old.bytes;
        }
    }

    public FlowMod mod() {
        return mod;
    }

    public int table() {
        return mod.table();
    }

    public int priority() {
        return mod.priority();
    }

    public long cookie() {
        return mod.cookie();
    }

    public long createdNanos() {
        return createdNanos;
    }

    public long modifiedNanos() {
        return modifiedNanos;
    }

    public long usedNanos() {
        return usedNanos;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    /** A packet of {@code size} bytes hit this rule (live runs only). */
    public void hit(int size, long nowNanos) {
        packets++;
        bytes += size;
        usedNanos = nowNanos;
    }

    /**
     * True when an idle or hard timeout has run out at {@code nowNanos}: as OVS, in whole
     * milliseconds, once now is past the last modify (hard) or last use (idle) plus the timeout.
     */
    public boolean expired(long nowNanos) {
        return nowNanos / 1_000_000 > deadlineMillis();
    }

    /** The last millisecond this rule lives (Long.MAX_VALUE without timeouts); a hit can only move it later. */
    long deadlineMillis() {
        long deadline = Long.MAX_VALUE;
        if (mod.hardTimeout() > 0) {
            deadline = modifiedNanos / 1_000_000 + mod.hardTimeout() * 1000L;
        }
        if (mod.idleTimeout() > 0) {
            deadline = Math.min(deadline, usedNanos / 1_000_000 + mod.idleTimeout() * 1000L);
        }
        return deadline;
    }
}
