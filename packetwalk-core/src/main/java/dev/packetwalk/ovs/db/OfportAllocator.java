package dev.packetwalk.ovs.db;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * OpenFlow port numbers of one bridge, allocated as ofproto does: a requested number when it
 * is valid, otherwise the next number of a round-robin counter (1 ... 32767) that skips
 * numbers in use and numbers freed recently, so deleted ports' numbers are not reused at once.
 */
final class OfportAllocator {
    private static final int AUTO_LIMIT = 32768;

    private final Map<Uuid, Integer> assigned = new HashMap<>();
    private final Set<Integer> touched = new HashSet<>();
    private int counter;

    Integer numberOf(Uuid iface) {
        return assigned.get(iface);
    }

    Uuid holder(int ofport) {
        for (Map.Entry<Uuid, Integer> e : assigned.entrySet()) {
            if (e.getValue() == ofport) {
                return e.getKey();
            }
        }
        return null;
    }

    void release(Uuid iface) {
        assigned.remove(iface);
    }

    void assign(Uuid iface, int ofport) {
        assigned.put(iface, ofport);
        touched.add(ofport);
    }

    /** The next automatic number, skipping used and recently used ones; -1 when all are taken. */
    int allocate(Uuid iface) {
        for (int tries = 0; tries < AUTO_LIMIT; tries++) {
            if (++counter >= AUTO_LIMIT) {
                counter = 1;
            }
            if (!touched.contains(counter)) {
                assign(iface, counter);
                return counter;
            }
        }
        return -1;
    }

    Set<Uuid> ifaces() {
        return new HashSet<>(assigned.keySet());
    }
}
