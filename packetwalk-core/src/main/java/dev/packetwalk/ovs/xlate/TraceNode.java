package dev.packetwalk.ovs.xlate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of the translation tree: a step and the steps it contains (a table's actions, a
 * bridge's tables). Steps caused by an action follow it as siblings, as in OVS's trace.
 */
public final class TraceNode {
    private final Step step;
    private List<TraceNode> children;

    TraceNode(Step step) {
        this.step = step;
    }

    public Step step() {
        return step;
    }

    public List<TraceNode> children() {
        return children == null ? List.of() : Collections.unmodifiableList(children);
    }

    TraceNode add(Step s) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        TraceNode n = new TraceNode(s);
        children.add(n);
        return n;
    }

    /** Every step below this node, depth first (the node's own step excluded). */
    public List<Step> flatten() {
        List<Step> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(TraceNode n, List<Step> out) {
        for (TraceNode c : n.children()) {
            out.add(c.step);
            collect(c, out);
        }
    }
}
