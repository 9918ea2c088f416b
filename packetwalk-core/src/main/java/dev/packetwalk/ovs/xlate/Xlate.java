package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.BridgePort;
import dev.packetwalk.ovs.ofproto.FlowTable;
import dev.packetwalk.ovs.ofproto.PortKind;
import dev.packetwalk.ovs.ofproto.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * One packet's translation through the OpenFlow pipeline (OVS's {@code xlate_ctx}): the flow
 * being rewritten, the packet as the datapath last saw it, depth and resubmit counters, the
 * action set, the datapath actions produced and the step tree. Actions are applied by
 * {@link ActionRunner}; NORMAL by {@link Normal}.
 */
public final class Xlate {
    static final int MAX_DEPTH = 64;
    static final int MAX_RESUBMITS = MAX_DEPTH * MAX_DEPTH;

    final Vswitch vswitch;
    final Datapath datapath;
    /** MAC learning and learn() (-generate and real packets). */
    final boolean sideEffects;
    /** Rule and table counters and last-used times (real packets only). */
    final boolean counts;
    final TunnelEgress egress;
    final long now;
    final int packetSize;
    final Flow flow;
    final Flow base;
    /** The bits of the flow the translation consulted (Megaflow). */
    final Flow wc = new Flow();
    final List<OdpAction> odp = new ArrayList<>(8);
    final TraceNode root = new TraceNode(null);
    final Bridge firstBridge;
    Bridge bridge;
    TraceNode cur;
    int depth;
    int resubmits;
    int tableId;
    boolean exit;
    Step.Failure error;
    /** The datapath cannot run some action: the flow stays in the userspace slow path. */
    boolean slowPath;
    List<Action> actionSet = List.of();
    final int origTunDst;
    /** Tunnel metadata the datapath has been given (kernel tunnels). */
    OdpAction.SetTunnel committedTunnel;
    final List<Recirculation> recirculations = new ArrayList<>(0);
    final ActionRunner runner = new ActionRunner(this);

    /** A ct(table=N) continuation to run after this pass. */
    record Recirculation(int id, int table, int zone, Flow flow, Bridge bridge) {
    }

    Xlate(Vswitch vswitch, Datapath datapath, Bridge bridge, Flow packet, Tracer.Mode mode, TunnelEgress egress,
            int packetSize) {
        this.vswitch = vswitch;
        this.datapath = datapath;
        this.bridge = bridge;
        this.firstBridge = bridge;
        this.sideEffects = mode.sideEffects();
        this.counts = mode.counts();
        this.egress = egress;
        this.now = bridge.clock().nanos();
        this.packetSize = packetSize;
        this.flow = packet.copy();
        this.base = packet.copy();
        this.origTunDst = packet.tunDst();
        MegaflowMask.init(wc, packet);
    }

    /** Runs the pipeline from {@code table} of the first bridge. */
    void run(int table) {
        cur = root.add(new Step.BridgeEntered(bridge.name()));
        tableId = table;
        tableAction(flow.inPort(), table, false);
        runActionSet();
    }

    TraceNode record(Step s) {
        return cur.add(s);
    }

    /** Looks {@code table} up with in_port temporarily {@code inPort} and runs what it finds. */
    void tableAction(int inPort, int table, boolean deepens) {
        if (depth >= MAX_DEPTH) {
            fail(Step.Failure.TOO_DEEP);
            return;
        }
        if (resubmits >= MAX_RESUBMITS) {
            fail(Step.Failure.TOO_MANY_RESUBMITS);
            return;
        }
        int oldTable = tableId;
        tableId = table;
        int oldInPort = flow.inPort();
        flow.setInPort(inPort);
        Rule rule = lookup(counts ? bridge.table(table) : bridge.tableOrNull(table));
        flow.setInPort(oldInPort);
        TraceNode saved = cur;
        resubmits++;
        int d = deepens ? 1 : 0;
        depth += d;
        if (rule != null) {
            cur = cur.add(new Step.TableMatched(table, rule));
            if (counts) {
                rule.hit(packetSize, now);
            }
            runner.run(rule.mod().actions());
        } else {
            cur = cur.add(new Step.TableMissed(table, bridge == firstBridge ? Step.Miss.DROP : Step.Miss.INTERNAL_RULE));
            cur.add(new Step.EmptyActions());
        }
        depth -= d;
        cur = saved;
        tableId = oldTable;
    }

    private Rule lookup(FlowTable t) {
        if (t == null) {
            return null;
        }
        Rule best = t.lookup(flow, wc);
        if (t.hasConjunctions()) {
            Rule conj = Conjunctions.lookup(t, flow, best, wc);
            if (conj != null) {
                best = conj;
            }
        }
        if (counts) {
            t.countLookup(best != null);
        }
        return best;
    }

    void fail(Step.Failure f) {
        record(new Step.Failed(f));
        error = f;
    }

    boolean stopped() {
        return error != null || exit;
    }

    /** Output to an OpenFlow port number, reserved ports included (xlate_output_action). */
    void output(int port) {
        switch (port) {
            case OfPort.IN_PORT -> compose(flow.inPort());
            case OfPort.TABLE -> tableAction(flow.inPort(), 0, 0 <= tableId);
            case OfPort.NORMAL -> Normal.run(this);
            case OfPort.FLOOD, OfPort.ALL -> flood();
            case OfPort.CONTROLLER -> odp.add(new OdpAction.Userspace(1, datapath.nextRecircId(), 0, 65535));
            case OfPort.NONE -> { }
            default -> {
                if (port != flow.inPort()) {
                    compose(port);
                } else {
                    record(new Step.Dropped(Step.DropReason.OUTPUT_TO_INPUT_PORT));
                }
            }
        }
    }

    private void flood() {
        for (BridgePort p : bridge.ports()) {
            if (p.ofport() != flow.inPort()) {
                compose(p.ofport());
            }
        }
    }

    /** Sends the packet out of one port (compose_output_action). */
    void compose(int port) {
        BridgePort p = bridge.port(port);
        if (p == null) {
            record(new Step.Dropped(Step.DropReason.NONEXISTENT_PORT));
            return;
        }
        if (p.kind() == PortKind.PATCH) {
            patch(p);
            return;
        }
        if (p.kind() == PortKind.TUNNEL) {
            tunnel(p);
            return;
        }
        int dp = datapath.portOf(bridge, p);
        if (dp == Datapath.NONE) {
            datapath.sync(vswitch);
            dp = datapath.portOf(bridge, p);
        }
        slowPath |= HeaderCommit.commit(flow, base, odp, wc);
        odp.add(new OdpAction.Output(dp));
        record(new Step.Emitted(bridge.name(), p.ofport(), p.name(), dp));
    }

    private void tunnel(BridgePort p) {
        long tunId = flow.word(Flow.W_TUN_ID);
        long tunIps = flow.word(Flow.W_TUN_IPS);
        long tunMeta = flow.word(Flow.W_TUN_META);
        OdpAction.SetTunnel header = TunnelPorts.send(p, flow, wc);
        if (header.dst() == origTunDst) {
            // as in OVS, the port's tunnel metadata stays in the flow on this path
            record(new Step.Dropped(Step.DropReason.OWN_TUNNEL_ADDRESS));
            return;
        }
        record(new Step.KernelTunnelOutput(p.name(), header.tunId(), header.dst()));
        if (!header.equals(committedTunnel)) {
            odp.add(header);
            committedTunnel = header;
        }
        flow.setWord(Flow.W_TUN_ID, tunId);
        flow.setWord(Flow.W_TUN_IPS, tunIps);
        flow.setWord(Flow.W_TUN_META, tunMeta);
        int dp = datapath.portOf(bridge, p);
        if (dp == Datapath.NONE) {
            datapath.sync(vswitch);
            dp = datapath.portOf(bridge, p);
        }
        slowPath |= HeaderCommit.commit(flow, base, odp, wc);
        odp.add(new OdpAction.Output(dp));
        record(new Step.Emitted(bridge.name(), p.ofport(), p.name(), dp));
        if (counts) {
            egress.send(flow.copy(), header);
        }
    }

    private void patch(BridgePort p) {
        Bridge peerBridge = p.peer() == null ? null : vswitch.bridgeOfPort(p.peer()).orElse(null);
        BridgePort peer = peerBridge == null ? null : peerBridge.port(p.peer());
        if (peer == null || peer.kind() != PortKind.PATCH || !p.name().equals(peer.peer())) {
            return;
        }
        Flow saved = flow.copy();
        List<Action> savedSet = actionSet;
        Bridge savedBridge = bridge;
        TraceNode savedCur = cur;
        boolean savedExit = exit;
        flow.setInPort(peer.ofport());
        PatchReset.apply(flow);
        actionSet = List.of();
        cur = cur.add(new Step.BridgeEntered(peerBridge.name()));
        bridge = peerBridge;
        tableAction(peer.ofport(), 0, 0 <= tableId);
        runActionSet();
        cur = savedCur;
        bridge = savedBridge;
        actionSet = savedSet;
        exit = savedExit;
        flow.copyFrom(saved);
    }

    /** At the end of a bridge's pipeline: run what write_actions collected. */
    void runActionSet() {
        if (actionSet.isEmpty() || error != null) {
            return;
        }
        List<Action> set = ActionSets.executionOrder(actionSet);
        actionSet = List.of();
        TraceNode saved = cur;
        cur = cur.add(new Step.ActionSetExecuted());
        exit = false;
        runner.run(set);
        cur = saved;
    }
}
