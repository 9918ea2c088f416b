package dev.packetwalk.ovs;

import dev.packetwalk.net.Clock;
import dev.packetwalk.ovs.db.OvsDb;

/**
 * One ovs-vswitchd with its database: the configuration (bridges, ports, interfaces as in
 * OVSDB) and the OpenFlow switches built from it.
 */
public final class Vswitch {
    private final Clock clock;
    private final OvsDb db;

    public Vswitch(Clock clock) {
        this(clock, 0x5eed_0f_0b5L);
    }

    /** A switch whose database UUIDs and MACs come from {@code seed} (same seed, same values). */
    public Vswitch(Clock clock, long seed) {
        this.clock = clock;
        this.db = new OvsDb(seed);
    }

    /** The configuration database (conf.db) and the columns ovs-vswitchd writes back. */
    public OvsDb db() {
        return db;
    }

    public Clock clock() {
        return clock;
    }
}
