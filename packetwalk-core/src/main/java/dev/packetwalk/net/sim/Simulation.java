package dev.packetwalk.net.sim;

import dev.packetwalk.net.Clock;

import java.util.PriorityQueue;

/**
 * The discrete-event loop (design §2): devices schedule deliveries on a virtual clock and the
 * loop runs them in time order (ties in scheduling order), so the same injections give the
 * same result. A {@link Mode#LIVE} run changes state (MAC learning, counters, conntrack, ARP
 * caches); a {@link Mode#DRY} run must change nothing. Every device reports into the
 * {@link Walk}.
 */
public final class Simulation {
    public enum Mode { LIVE, DRY }

    /** Stops a runaway run (a loop in the topology): at most this many events per run. */
    public static final int DEFAULT_EVENT_LIMIT = 100_000;

    private record Event(long at, long seq, Runnable task) {
    }

    private final Clock clock;
    private final Mode mode;
    private final Walk walk = new Walk();
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long seq;
    private boolean limitReached;

    public Simulation(Clock clock, Mode mode) {
        this.clock = clock;
        this.mode = mode;
    }

    public Clock clock() {
        return clock;
    }

    public Mode mode() {
        return mode;
    }

    public boolean live() {
        return mode == Mode.LIVE;
    }

    public Walk walk() {
        return walk;
    }

    /** Runs {@code task} after {@code delayNanos} of virtual time. */
    public void schedule(long delayNanos, Runnable task) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("cannot schedule in the past: " + delayNanos);
        }
        queue.add(new Event(clock.nanos() + delayNanos, seq++, task));
    }

    /** Runs events until none is left or {@code limit} have run; returns how many ran. */
    public int run(int limit) {
        int n = 0;
        while (!queue.isEmpty()) {
            if (n == limit) {
                limitReached = true;
                break;
            }
            Event e = queue.poll();
            clock.advanceTo(e.at);
            e.task.run();
            n++;
        }
        return n;
    }

    public int run() {
        return run(DEFAULT_EVENT_LIMIT);
    }

    /** Runs until virtual time {@code untilNanos} (events after it stay queued), then sets the clock there. */
    public int runUntil(long untilNanos) {
        int n = 0;
        while (!queue.isEmpty() && queue.peek().at <= untilNanos) {
            Event e = queue.poll();
            clock.advanceTo(e.at);
            e.task.run();
            n++;
        }
        clock.advanceTo(untilNanos);
        return n;
    }

    public boolean idle() {
        return queue.isEmpty();
    }

    /** True when a run stopped at its event limit (the topology loops). */
    public boolean limitReached() {
        return limitReached;
    }
}
