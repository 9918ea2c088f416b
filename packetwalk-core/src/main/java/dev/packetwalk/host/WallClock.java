package dev.packetwalk.host;

import dev.packetwalk.net.Clock;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Calendar time on a host: the simulation clock counted from a fixed epoch, in UTC, so that
 * dates printed by commands ({@code watch}'s header) are deterministic.
 */
public final class WallClock {
    /** The moment a host's clock reads zero. */
    public static final Instant EPOCH = Instant.parse("2017-06-01T09:00:00Z");

    private WallClock() {
    }

    public static ZonedDateTime now(Clock clock) {
        return EPOCH.plusNanos(clock.nanos()).atZone(ZoneOffset.UTC);
    }
}
