package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.linux.RouteAnswer;
import dev.packetwalk.linux.addr.InetAddress;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.neigh.NudState;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.net.packet.Arp;
import dev.packetwalk.net.packet.Frame;

/**
 * arp_process: answers requests for local addresses (as arp_ignore allows) and, with
 * proxy_arp and forwarding on, for addresses routed out of another device; learns the
 * sender (a request for us creates a STALE entry, a reply confirms a pending one).
 */
final class ArpInput {
    private final NamespacePath path;
    private final Namespace ns;

    ArpInput(NamespacePath path) {
        this.path = path;
        this.ns = path.namespace();
    }

    /** An ARP packet {@code dev} received; {@code unicast} when it was addressed to the device's MAC. */
    void receive(Handling h, NetDevice dev, Arp arp, boolean unicast) {
        if (dev.kind() == LinkKind.LOOPBACK || dev.kind() == LinkKind.DUMMY
                || (arp.op() != Arp.REQUEST && arp.op() != Arp.REPLY)) {
            h.drop(DropReason.UNSUPPORTED);
            return;
        }
        int sip = arp.spa();
        int tip = arp.tpa();
        if ((tip >>> 28) == 0xe || (tip >>> 24) == 127) {
            h.drop(DropReason.MARTIAN);
            return;
        }
        if (sip == 0) {
            // Duplicate address detection probe: answered when the target is ours, never learned.
            if (arp.op() == Arp.REQUEST && ns.addresses().deviceOf(tip) != 0 && !ignored(dev, sip, tip)) {
                h.decide(new StackDecision.ArpAnswered(dev.name(), tip, false));
                h.transmit(dev, Frame.of(arp.sha(), dev.mac(), Arp.reply(dev.mac(), tip, arp.sha(), 0)));
            } else {
                h.drop(DropReason.OTHER_HOST);
            }
            return;
        }
        if (arp.op() == Arp.REQUEST) {
            RouteAnswer r = route(tip, sip, dev);
            if (r != null && r.type() == RouteType.LOCAL) {
                if (!ignored(dev, sip, tip)) {
                    answer(h, dev, arp, false);
                } else {
                    h.drop(DropReason.OTHER_HOST);
                }
                return;
            }
            if (r != null && r.type() == RouteType.UNICAST && r.dev() != dev.ifindex()
                    && ns.sysctls().conf(dev.name(), "forwarding") != 0
                    && ns.sysctls().confOr(dev.name(), "proxy_arp")) {
                answer(h, dev, arp, true);
                return;
            }
        }
        // Broadcast replies and requests do not assert reachability.
        NudState state = arp.op() == Arp.REPLY && unicast ? NudState.REACHABLE : NudState.STALE;
        path.neighbours().update(h, dev, sip, arp.sha(), state, false);
        h.decide(new StackDecision.Delivered("ARP " + (arp.op() == Arp.REPLY ? "reply" : "request")));
    }

    private void answer(Handling h, NetDevice dev, Arp arp, boolean proxy) {
        path.neighbours().update(h, dev, arp.spa(), arp.sha(), NudState.STALE, true);
        h.decide(new StackDecision.ArpAnswered(dev.name(), arp.tpa(), proxy));
        h.transmit(dev, Frame.of(arp.sha(), dev.mac(), Arp.reply(dev.mac(), arp.tpa(), arp.sha(), arp.spa())));
    }

    private RouteAnswer route(int tip, int sip, NetDevice dev) {
        try {
            return ns.routing().resolver().input(tip, sip, dev.ifindex(), 0, 0);
        } catch (NetlinkException e) {
            return null;
        }
    }

    /** arp_ignore: 1 wants the target on the receiving device, 2 also the sender in its subnet. */
    private boolean ignored(NetDevice dev, int sip, int tip) {
        int mode = ns.sysctls().confMax(dev.name(), "arp_ignore");
        if (mode == 0) {
            return false;
        }
        for (InetAddress a : ns.addresses().ipv4(dev.ifindex())) {
            if (a.local() == tip && (mode == 1 || a.inSubnet(sip))) {
                return false;
            }
        }
        return mode == 1 || mode == 2;
    }
}
