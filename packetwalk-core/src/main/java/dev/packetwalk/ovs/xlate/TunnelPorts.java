package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.BridgePort;
import dev.packetwalk.ovs.ofproto.PortKind;
import dev.packetwalk.ovs.ofproto.Tunnel;

/** Tunnel ports in both directions (ovs.md §3.5): the outer header on send, the port on receive. */
public final class TunnelPorts {
    static final int DEFAULT_TTL = 64;

    private TunnelPorts() {
    }

    /**
     * Sends the flow out of tunnel port {@code p} as OVS's {@code tnl_port_send} does: the flow's
     * tunnel metadata becomes the port's (addresses and keys unless taken from the flow, ttl,
     * tos with the inner ECN inherited, flags) and that metadata is returned as the kernel
     * {@code set(tunnel(...))}. ECN inheritance makes nw_ecn part of the megaflow for IP.
     */
    static OdpAction.SetTunnel send(BridgePort p, Flow flow, Flow wc) {
        Tunnel t = p.tunnel();
        if (!t.remoteFromFlow()) {
            flow.setTunDst(t.remoteIp());
        }
        flow.setTunSrc(t.localIp());
        if (!t.outKeyFromFlow()) {
            flow.setTunId(t.outKey());
        }
        int tos = 0;
        if (flow.dlType() == 0x0800 || flow.dlType() == 0x86dd) {
            Field.NW_ECN.set(wc, 3);
            int ecn = flow.nwTos() & 3;
            tos |= ecn == 3 ? 2 : ecn;
        }
        int flags = Flow.TUN_FLAG_DF | Flow.TUN_FLAG_KEY;
        Field.TUN_TOS.set(flow, tos);
        flow.setTunTtl(DEFAULT_TTL);
        flow.setTunFlags(flags);
        return new OdpAction.SetTunnel(flow.tunId(), flow.tunSrc(), flow.tunDst(), tos, DEFAULT_TTL, t.dstPort(),
                flags);
    }

    /**
     * The tunnel port of {@code bridge} that accepts a packet from {@code src} to {@code dst} on UDP
     * port {@code udpPort} with VNI {@code key}, or null ({@code no OpenFlow tunnel port for this packet}).
     * Exact remote/local matches win over {@code flow} wildcards, as in OVS's tunnel map.
     */
    public static BridgePort receivingPort(Iterable<Bridge> bridges, String type, int udpPort, int src, int dst,
            long key) {
        BridgePort best = null;
        int bestScore = -1;
        for (Bridge b : bridges) {
            for (BridgePort p : b.ports()) {
                if (p.kind() != PortKind.TUNNEL || !p.tunnel().type().equals(type) || p.tunnel().dstPort() != udpPort) {
                    continue;
                }
                Tunnel t = p.tunnel();
                if (!t.inKeyFromFlow() && t.inKey() != key) {
                    continue;
                }
                if (!t.remoteFromFlow() && t.remoteIp() != src) {
                    continue;
                }
                if (t.localIp() != 0 && t.localIp() != dst) {
                    continue;
                }
                int score = (t.remoteFromFlow() ? 0 : 4) + (t.localIp() != 0 ? 2 : 0) + (t.inKeyFromFlow() ? 0 : 1);
                if (score > bestScore) {
                    best = p;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    /** Sets the receive metadata: in_port, tun_id (the VNI), outer addresses, ttl, key flag. */
    public static void received(Flow flow, BridgePort port, long vni, int src, int dst, int ttl) {
        flow.setInPort(port.ofport());
        flow.setTunId(vni);
        flow.setTunSrc(src);
        flow.setTunDst(dst);
        flow.setTunTtl(ttl);
        flow.setTunFlags(Flow.TUN_FLAG_KEY);
    }
}
