package dev.packetwalk.host;

import dev.packetwalk.net.Clock;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Calendar time on a host: the simulation clock counted from a fixed epoch, in UTC, so that
 * dates printed by commands (watch's header, iptables-save's comments, ovs-ofctl's log lines)
 * are deterministic and agree with each other.
 */
public final class WallClock {
    /** The moment a host's clock reads zero. */
    public static final Instant EPOCH = Instant.parse("2017-06-01T09:00:00Z");

    private WallClock() {
    }

    public static ZonedDateTime now(Clock clock) {
        return instant(clock).atZone(ZoneOffset.UTC);
    }

    public static Instant instant(Clock clock) {
        return EPOCH.plusNanos(clock.nanos());
    }
}
