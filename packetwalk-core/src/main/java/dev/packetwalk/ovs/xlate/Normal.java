package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.BridgePort;
import dev.packetwalk.ovs.ofproto.VlanMode;

import java.util.ArrayList;
import java.util.List;

/**
 * The NORMAL action: OVS's VLAN-aware learning switch (ovs.md §3.3). Classifies the packet's
 * VLAN by the input port's mode, learns the source (live mode only), then forwards to the
 * learned port or floods to every other port carrying the VLAN, tagging per output port.
 */
final class Normal {
    private Normal() {
    }

    static void run(Xlate x) {
        Flow f = x.flow;
        Bridge bridge = x.bridge;
        Field.ETH_SRC.set(x.wc, -1L);
        Field.ETH_DST.set(x.wc, -1L);
        x.wc.setVlanTci(x.wc.vlanTci() | 0x1fff);
        BridgePort in = bridge.port(f.inPort());
        if (in == null) {
            x.record(new Step.UnknownInputPort(f.inPort()));
            x.record(new Step.Dropped(Step.DropReason.NO_INPUT_BUNDLE));
            return;
        }
        int vid = f.hasVlan() ? f.vlanVid() : 0;
        if (!inputVidValid(x, in, vid)) {
            x.record(new Step.Dropped(Step.DropReason.DISALLOWED_VLAN));
            return;
        }
        int vlan = inputVlan(in, vid);
        long src = f.dlSrc();
        boolean gratuitous = gratuitousArp(f, x.wc);
        if (x.sideEffects && (src >>> 40 & 1) == 0
                && bridge.fdb().learn(vlan, src, in.ofport(), x.now, gratuitous)) {
            x.record(new Step.MacLearned(src, in.name(), vlan));
        }
        long dst = f.dlDst();
        int pcpKept = in.vlanMode() == VlanMode.ACCESS ? 0 : f.vlanTci() & 0xe000;
        if ((dst >>> 40 & 1) == 0) {
            int port = bridge.fdb().lookup(vlan, dst, x.now);
            BridgePort out = port < 0 ? null : bridge.port(port);
            if (out != null) {
                if (out.ofport() == in.ofport()) {
                    x.record(new Step.NormalDecision(Step.NormalOutcome.LEARNED_IS_INPUT, List.of()));
                } else {
                    x.record(new Step.NormalDecision(Step.NormalOutcome.FORWARD_LEARNED, List.of(out.ofport())));
                    output(x, out, vlan, pcpKept);
                }
                return;
            }
        }
        int pcp = in.vlanMode() == VlanMode.ACCESS ? 0 : f.vlanTci() & 0xe000;
        List<Integer> ports = new ArrayList<>();
        for (BridgePort p : bridge.ports()) {
            if (p.ofport() != in.ofport() && p.carriesVlan(vlan)) {
                ports.add(p.ofport());
            }
        }
        x.record(new Step.NormalDecision(Step.NormalOutcome.FLOOD, ports));
        for (Integer p : ports) {
            output(x, bridge.port(p), vlan, pcp);
        }
    }

    /**
     * OVS's is_gratuitous_arp: a broadcast ARP reply, or a broadcast request for its own address;
     * the fields it reads join the megaflow.
     */
    private static boolean gratuitousArp(Flow f, Flow wc) {
        if (f.dlType() != 0x0806) {
            return false;
        }
        Field.ETH_DST.set(wc, -1L);
        if (f.dlDst() != 0xffff_ffff_ffffL) {
            return false;
        }
        Field.NW_PROTO.set(wc, 0xff);
        if (f.nwProto() == 2) {
            return true;
        }
        if (f.nwProto() == 1) {
            Field.ARP_SPA.set(wc, 0xffffffffL);
            Field.ARP_TPA.set(wc, 0xffffffffL);
            return f.nwSrc() == f.nwDst();
        }
        return false;
    }

    private static boolean inputVidValid(Xlate x, BridgePort in, int vid) {
        VlanMode mode = in.vlanMode();
        boolean ok = switch (mode) {
            case ACCESS -> vid == 0;
            case NATIVE_TAGGED, NATIVE_UNTAGGED -> vid == 0 || trunks(in, vid);
            case TRUNK -> trunks(in, vid);
            case DOT1Q_TUNNEL -> true;
        };
        if (!ok) {
            x.record(new Step.VlanRefused(vid, in.name(), mode == VlanMode.ACCESS ? in.tag() : null));
        }
        return ok;
    }

    private static boolean trunks(BridgePort p, int vid) {
        return p.trunks().isEmpty() || p.trunks().contains(vid) || (p.tag() != null && p.tag() == vid
                && p.vlanMode() != VlanMode.TRUNK);
    }

    private static int inputVlan(BridgePort in, int vid) {
        return switch (in.vlanMode()) {
            case ACCESS, DOT1Q_TUNNEL -> in.tag() == null ? 0 : in.tag();
            case NATIVE_TAGGED, NATIVE_UNTAGGED -> vid == 0 && in.tag() != null ? in.tag() : vid;
            case TRUNK -> vid;
        };
    }

    private static void output(Xlate x, BridgePort out, int vlan, int pcp) {
        int outVid = switch (out.vlanMode()) {
            case ACCESS, DOT1Q_TUNNEL -> 0;
            case TRUNK, NATIVE_TAGGED -> vlan;
            case NATIVE_UNTAGGED -> out.tag() != null && vlan == out.tag() ? 0 : vlan;
        };
        Flow f = x.flow;
        int oldTci = f.vlanTci();
        f.setVlanTci(outVid == 0 ? 0 : Flow.VLAN_CFI | pcp | outVid);
        x.compose(out.ofport());
        f.setVlanTci(oldTci);
    }
}
