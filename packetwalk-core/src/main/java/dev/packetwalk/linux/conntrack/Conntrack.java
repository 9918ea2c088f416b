package dev.packetwalk.linux.conntrack;

import dev.packetwalk.net.Clock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connection tracking table of one namespace: connections keyed by their original and
 * reply tuples per zone, with NAT bindings and timeouts on the host's clock.
 */
public final class Conntrack {
    private final Clock clock;
    private final Map<Tuple, Connection> byTuple = new LinkedHashMap<>();
    private final List<Connection> connections = new ArrayList<>();

    public Conntrack(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** The live connections, oldest first. */
    public List<Connection> connections() {
        expire();
        return List.copyOf(connections);
    }

    private void expire() {
        long now = clock.nanos();
        connections.removeIf(c -> {
            if (c.expiresAt() <= now) {
                byTuple.remove(c.original());
                byTuple.remove(c.reply());
                return true;
            }
            return false;
        });
    }

    /** The connection a packet with this tuple belongs to (either direction), or null. */
    public Connection lookup(Tuple t) {
        Connection c = byTuple.get(t);
        if (c != null && c.expiresAt() <= clock.nanos()) {
            expire();
            return null;
        }
        return c;
    }

    /** Confirms a new connection (the packet left POSTROUTING or reached INPUT). */
    public Connection confirm(Connection c) {
        expire();
        connections.add(c);
        byTuple.put(c.original(), c);
        byTuple.put(c.reply(), c);
        return c;
    }

    /** Forgets all connections ("conntrack -F"). */
    public void flush() {
        connections.clear();
        byTuple.clear();
    }
}
