package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.ofproto.Bridge;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the translation engine: runs a packet (its flow key) through a bridge's
 * OpenFlow pipeline, following patch ports, and returns the structured result. The {@link Mode}
 * says which side effects the run has, as in OVS: none for a plain {@code ofproto/trace}; MAC
 * learning and learn() flows for {@code -generate}; those plus rule and table counters, rule
 * last-used times and tunnel frames handed to the egress for a real packet.
 */
public final class Tracer {
    /** What a run may change. */
    public enum Mode {
        /** {@code ofproto/trace} without {@code -generate}: changes nothing. */
        DRY(false, false),
        /** {@code ofproto/trace -generate}: MAC learning and learn(); no counters (measured on OVS 3.1). */
        GENERATE(true, false),
        /** A real packet (netdev-dummy/receive, the packet walk): learning, learn(), counters, used times. */
        PACKET(true, true);

        private final boolean sideEffects;
        private final boolean counts;

        Mode(boolean sideEffects, boolean counts) {
            this.sideEffects = sideEffects;
            this.counts = counts;
        }

        /** MAC learning and learn() flows. */
        public boolean sideEffects() {
            return sideEffects;
        }

        /** Rule packet/byte counters, last-used times and table lookup/matched counts. */
        public boolean counts() {
            return counts;
        }
    }

    /** ct_state bits as OVS numbers them. */
    public static final int CT_NEW = 0x01;
    public static final int CT_TRK = 0x20;

    private final Vswitch vswitch;
    private final Datapath datapath;
    private final TunnelEgress egress;

    public Tracer(Vswitch vswitch, TunnelEgress egress) {
        this.vswitch = vswitch;
        this.datapath = vswitch.datapath();
        datapath.sync(vswitch);
        this.egress = egress;
    }

    public Tracer(Vswitch vswitch) {
        this(vswitch, TunnelEgress.NONE);
    }

    public Datapath datapath() {
        return datapath;
    }

    /** Traces {@code packet} entering {@code bridge}; its in_port says where. */
    public TraceResult trace(Bridge bridge, Flow packet, Mode mode) {
        return trace(bridge, packet, mode, List.of(), 64);
    }

    /**
     * @param ctNext ct_state values for successive conntrack continuations (default trk|new)
     * @param packetSize bytes counted on rules for a {@link Mode#PACKET} run
     */
    public TraceResult trace(Bridge bridge, Flow packet, Mode mode, List<Integer> ctNext, int packetSize) {
        for (Bridge b : vswitch.bridges()) {
            b.expire();
        }
        Xlate x = new Xlate(vswitch, datapath, bridge, packet, mode, egress, packetSize);
        x.run(0);
        return finish(x, packet, 0, 0, false, mode, ctNext, packetSize);
    }

    private TraceResult finish(Xlate x, Flow packet, int recircId, int ctState, boolean dflt, Mode mode,
            List<Integer> ctNext, int packetSize) {
        MegaflowMask.finish(x.wc, packet);
        List<TraceResult> next = new ArrayList<>(0);
        for (Xlate.Recirculation r : x.recirculations) {
            boolean useDefault = ctNext.isEmpty();
            int state = useDefault ? CT_TRK | CT_NEW : ctNext.get(0);
            List<Integer> rest = useDefault ? ctNext : ctNext.subList(1, ctNext.size());
            Flow f = r.flow().copy();
            Field.CT_STATE.set(f, state);
            Xlate c = new Xlate(vswitch, datapath, r.bridge(), f, mode, egress, packetSize);
            c.cur = c.root.add(new Step.BridgeEntered(r.bridge().name()));
            c.record(new Step.Thawed(r.table()));
            c.tableId = r.table();
            c.tableAction(f.inPort(), r.table(), false);
            c.runActionSet();
            next.add(finish(c, f, r.id(), state, useDefault, mode, rest, packetSize));
        }
        return new TraceResult(x.firstBridge.name(), packet, x.flow, x.root, x.odp, x.wc, x.error, recircId, ctState,
                dflt, x.slowPath, next);
    }
}
