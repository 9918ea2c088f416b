package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.Vswitch;

import java.util.Map;
import java.util.WeakHashMap;

/** The one kernel datapath of each switch (created on first use). */
public final class Datapaths {
    private static final Map<Vswitch, Datapath> ALL = new WeakHashMap<>();

    private Datapaths() {
    }

    public static synchronized Datapath of(Vswitch vswitch) {
        return ALL.computeIfAbsent(vswitch, v -> {
            Datapath d = new Datapath();
            d.sync(v);
            return d;
        });
    }
}
