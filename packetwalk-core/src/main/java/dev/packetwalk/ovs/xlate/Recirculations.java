package dev.packetwalk.ovs.xlate;

import java.util.concurrent.atomic.AtomicInteger;

/** recirc_id values: OVS takes them from one counter per switch process; ours is per JVM. */
final class Recirculations {
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private Recirculations() {
    }

    static int next() {
        return NEXT.getAndIncrement();
    }
}
