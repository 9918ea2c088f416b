package dev.packetwalk.host.wiring;

import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.sim.Decision;
import dev.packetwalk.net.sim.Walk;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.BridgePort;
import dev.packetwalk.ovs.ofproto.PortKind;
import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.xlate.Step;
import dev.packetwalk.ovs.xlate.TraceNode;
import dev.packetwalk.ovs.xlate.TraceResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts one translation into hops, one per bridge the packet crossed (the first bridge and each
 * patch peer), each with that bridge's steps as its decisions, and records them in the walk in
 * the order the packet went through them.
 */
final class BridgeHops {
    private static final class Segment {
        final String bridge;
        final Segment parent;
        final List<Decision> decisions = new ArrayList<>();
        String in;
        String out;
        Frame after;
        int hop = -1;

        Segment(String bridge, Segment parent) {
            this.bridge = bridge;
            this.parent = parent;
        }
    }

    private final List<Segment> segments = new ArrayList<>();
    private final Map<String, Segment> byBridge = new HashMap<>();

    /** Splits {@code result} (and its continuations) into per-bridge segments. */
    BridgeHops(TraceResult result, String inPort, Vswitch vswitch) {
        Segment first = null;
        for (TraceNode n : result.steps().children()) {
            if (n.step() instanceof Step.BridgeEntered b) {
                first = segment(b.bridge(), null);
                first.in = inPort;
                first.decisions.add(n.step());
                visit(n, first, vswitch);
            }
        }
        for (TraceResult c : result.continuations()) {
            for (TraceNode n : c.steps().children()) {
                Segment s = first == null ? segment(c.bridge(), null) : first;
                s.decisions.add(n.step());
                visit(n, s, vswitch);
            }
        }
    }

    private Segment segment(String bridge, Segment parent) {
        Segment s = new Segment(bridge, parent);
        segments.add(s);
        byBridge.putIfAbsent(bridge, s);
        return s;
    }

    private void visit(TraceNode node, Segment s, Vswitch vswitch) {
        for (TraceNode c : node.children()) {
            if (c.step() instanceof Step.BridgeEntered b) {
                Segment next = segment(b.bridge(), s);
                next.in = patchPortTowards(vswitch, b.bridge(), s.bridge);
                next.decisions.add(c.step());
                visit(c, next, vswitch);
            } else {
                s.decisions.add(c.step());
                visit(c, s, vswitch);
            }
        }
    }

    private static String patchPortTowards(Vswitch vswitch, String bridge, String from) {
        Bridge b = vswitch.bridge(bridge).orElse(null);
        if (b == null) {
            return null;
        }
        for (BridgePort p : b.ports()) {
            if (p.kind() == PortKind.PATCH && p.peer() != null
                    && vswitch.bridgeOfPort(p.peer()).map(o -> o.name().equals(from)).orElse(false)) {
                return p.name();
            }
        }
        return null;
    }

    /** Notes that the packet left {@code bridge} by {@code port} as {@code frame}. */
    void emitted(String bridge, String port, Frame frame) {
        Segment s = byBridge.get(bridge);
        if (s != null && s.out == null) {
            s.out = port;
            s.after = frame;
        }
    }

    /** Adds a decision to the first bridge's hop. */
    void decide(Decision d) {
        if (!segments.isEmpty()) {
            segments.get(0).decisions.add(d);
        }
    }

    /** Records the hops (parents first); returns the first bridge's hop id, or {@code parentHop} when none. */
    int record(Walk walk, long now, Frame before, int parentHop) {
        for (Segment s : segments) {
            int parent = s.parent == null ? parentHop : s.parent.hop;
            s.hop = walk.record(parent, now, "", s.bridge, s.in, s.out, before, s.after, s.decisions);
        }
        return segments.isEmpty() ? parentHop : segments.get(0).hop;
    }

    /** The hop of {@code bridge} (after {@link #record}), or -1. */
    int hopOf(String bridge) {
        Segment s = byBridge.get(bridge);
        return s == null ? -1 : s.hop;
    }
}
