package dev.packetwalk.ovs.classifier;

import dev.packetwalk.ovs.flow.Match;

/** One classifier entry: a match, a priority and the caller's value (a flow rule). */
public final class Entry<T> {
    final Match match;
    final int priority;
    final T value;
    final long sequence;
    Entry<T> next;

    Entry(Match match, int priority, T value, long sequence) {
        this.match = match;
        this.priority = priority;
        this.value = value;
        this.sequence = sequence;
    }

    public Match match() {
        return match;
    }

    public int priority() {
        return priority;
    }

    public T value() {
        return value;
    }
}
