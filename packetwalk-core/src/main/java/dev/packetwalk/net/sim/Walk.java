package dev.packetwalk.net.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The hops of one simulation run in the order they happened; parents make it a tree. */
public final class Walk {
    private final List<Hop> hops = new ArrayList<>();

    /** Records a hop; returns its id (for the hops it causes). */
    public int record(int parent, long atNanos, String node, String device, String in, String out,
                      dev.packetwalk.net.packet.Frame before, dev.packetwalk.net.packet.Frame after,
                      List<Decision> decisions) {
        int id = hops.size();
        hops.add(new Hop(id, parent, atNanos, node, device, in, out, before, after, decisions));
        return id;
    }

    /** Forgets the hops recorded so far (a long-running live simulation starts a new walk). */
    public void clear() {
        hops.clear();
    }

    public List<Hop> hops() {
        return Collections.unmodifiableList(hops);
    }

    /** The hops caused directly by {@code hop}. */
    public List<Hop> children(int hop) {
        List<Hop> list = new ArrayList<>();
        for (Hop h : hops) {
            if (h.parent() == hop) {
                list.add(h);
            }
        }
        return list;
    }
}
