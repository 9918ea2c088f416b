package dev.packetwalk.net;

/**
 * The simulation clock. Everything that ages (flow durations and timeouts, fdb entries,
 * conntrack, neighbours) reads time from the host's clock, never from the wall, so runs are
 * deterministic. An interactive shell may drive it from the wall clock with {@link #advanceTo}.
 */
public final class Clock {
    private long nanos;

    public Clock() {
        this(0);
    }

    public Clock(long startNanos) {
        this.nanos = startNanos;
    }

    public long nanos() {
        return nanos;
    }

    public long millis() {
        return nanos / 1_000_000;
    }

    public void advanceMillis(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("time cannot go back: " + ms + " ms");
        }
        nanos += ms * 1_000_000;
    }

    /** Moves the clock forward to {@code target} nanoseconds; never moves it back. */
    public void advanceTo(long targetNanos) {
        if (targetNanos > nanos) {
            nanos = targetNanos;
        }
    }
}
