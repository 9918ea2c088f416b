package dev.packetwalk.host.wiring;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowExtract;
import dev.packetwalk.ovs.xlate.OdpAction;
import dev.packetwalk.ovs.xlate.TraceResult;
import dev.packetwalk.net.packet.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel datapath does with a packet once userspace gave it the actions: it runs the
 * datapath actions in order on the packet (header rewrites, VLAN push/pop, tunnel metadata),
 * emitting a copy at each {@code output}; a {@code recirc} continues with the actions of the
 * matching conntrack continuation.
 */
final class OdpExecution {
    /** One copy of the packet leaving by datapath port {@code dpPort} ({@code tunnel} set for a tunnel vport). */
    record Output(int dpPort, Frame frame, OdpAction.SetTunnel tunnel) {
    }

    private OdpExecution() {
    }

    static List<Output> run(TraceResult result, Frame frame) {
        List<Output> outputs = new ArrayList<>(2);
        Flow flow = result.flow().copy();
        run(result, frame, flow, outputs);
        return outputs;
    }

    private static void run(TraceResult result, Frame original, Flow flow, List<Output> outputs) {
        OdpAction.SetTunnel tunnel = null;
        for (OdpAction a : result.actions()) {
            if (a instanceof OdpAction.Output o) {
                outputs.add(new Output(o.dpPort(), FlowExtract.apply(original, flow), tunnel));
            } else if (a instanceof OdpAction.SetTunnel t) {
                tunnel = t;
            } else if (a instanceof OdpAction.PushVlan p) {
                flow.setVlanTci(Flow.VLAN_CFI | (p.pcp() << 13) | p.vid());
            } else if (a instanceof OdpAction.PopVlan) {
                flow.setVlanTci(0);
            } else if (a instanceof OdpAction.SetEth e) {
                if (e.src() >= 0) {
                    flow.setDlSrc(e.src());
                }
                if (e.dst() >= 0) {
                    flow.setDlDst(e.dst());
                }
            } else if (a instanceof OdpAction.SetIpv4 ip) {
                setIpv4(flow, ip);
            } else if (a instanceof OdpAction.SetL4 l4) {
                if (l4.src() >= 0) {
                    flow.setTpSrc(l4.src());
                }
                if (l4.dst() >= 0) {
                    flow.setTpDst(l4.dst());
                }
            } else if (a instanceof OdpAction.SetArp arp) {
                setArp(flow, arp);
            } else if (a instanceof OdpAction.Recirc r) {
                for (TraceResult c : result.continuations()) {
                    if (c.recircId() == r.id()) {
                        run(c, FlowExtract.apply(original, flow), flow.copy(), outputs);
                    }
                }
            }
        }
    }

    private static void setIpv4(Flow flow, OdpAction.SetIpv4 ip) {
        if ((ip.changed() & 1) != 0) {
            flow.setNwSrc(ip.src());
        }
        if ((ip.changed() & 2) != 0) {
            flow.setNwDst(ip.dst());
        }
        if ((ip.changed() & 4) != 0) {
            flow.setNwTos((flow.nwTos() & ~ip.tosMask()) | (ip.tos() & ip.tosMask()));
        }
        if ((ip.changed() & 8) != 0) {
            flow.setNwTtl(ip.ttl());
        }
    }

    private static void setArp(Flow flow, OdpAction.SetArp arp) {
        if ((arp.changed() & 1) != 0) {
            flow.setNwSrc(arp.sip());
        }
        if ((arp.changed() & 2) != 0) {
            flow.setNwDst(arp.tip());
        }
        if ((arp.changed() & 4) != 0) {
            flow.setNwProto(arp.op());
        }
        if ((arp.changed() & 8) != 0) {
            Field.ARP_SHA.set(flow, arp.sha());
        }
        if ((arp.changed() & 16) != 0) {
            Field.ARP_THA.set(flow, arp.tha());
        }
    }
}
