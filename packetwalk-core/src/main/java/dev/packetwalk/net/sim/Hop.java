package dev.packetwalk.net.sim;

import dev.packetwalk.net.packet.Frame;

import java.util.List;

/**
 * One device handling one frame: where (node, device, in and out ports), the frame before and
 * after, and the decisions taken. {@code parent} is the hop that emitted the frame (-1 for the
 * injected one), so a flood makes a tree.
 *
 * @param out the port the frame left by, or null when it went nowhere (dropped or delivered)
 */
public record Hop(int id, int parent, long atNanos, String node, String device, String in, String out,
                  Frame before, Frame after, List<Decision> decisions) {
    public Hop {
        decisions = List.copyOf(decisions);
    }

    public boolean dropped() {
        for (Decision d : decisions) {
            if (d.isDrop()) {
                return true;
            }
        }
        return false;
    }
}
