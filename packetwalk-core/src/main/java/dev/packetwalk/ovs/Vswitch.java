package dev.packetwalk.ovs;

import dev.packetwalk.net.Clock;

/**
 * One ovs-vswitchd with its database: the configuration (bridges, ports, interfaces as in
 * OVSDB) and the OpenFlow switches built from it.
 */
public final class Vswitch {
    private final Clock clock;

    public Vswitch(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }
}
