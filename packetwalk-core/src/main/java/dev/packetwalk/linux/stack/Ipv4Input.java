package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.linux.RouteAnswer;
import dev.packetwalk.linux.conntrack.Tuple;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.netfilter.Hook;
import dev.packetwalk.linux.netfilter.Packet;
import dev.packetwalk.linux.netfilter.Traversal;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.Ipv4Packet;

/**
 * IPv4 receive (ip_rcv → PREROUTING → routing decision) and forwarding (TTL, FORWARD,
 * POSTROUTING, neighbour output) in one namespace; local packets go through INPUT to
 * {@link LocalDelivery}.
 */
final class Ipv4Input {
    private final NamespacePath path;
    private final Namespace ns;

    Ipv4Input(NamespacePath path) {
        this.path = path;
        this.ns = path.namespace();
    }

    void receive(Handling h, NetDevice dev, Ipv4Packet ip, long srcMac) {
        Traversal t = path.inbound();
        Packet p = NfView.of(ip, dev.name(), null, srcMac, 0);
        Tuple quoted = NfView.quoted(ip);
        if (quoted != null) {
            t.startError(p, quoted);
        } else {
            t.start(p);
        }
        boolean ok = t.run(Hook.PREROUTING);
        h.steps(t.steps());
        if (!ok) {
            path.output().rejected(h, t, ip, dev);
            return;
        }
        Ipv4Packet pre = natApplied(h, ip, NfView.apply(ip, t.packet()));
        int mark = t.packet().mark();
        if (dev.kind() == LinkKind.LOOPBACK) {
            // Looped back: the output route already said local (the skb keeps its dst).
            int before = t.steps().size();
            ok = t.run(Hook.INPUT);
            h.steps(t.steps().subList(before, t.steps().size()));
            if (ok) {
                path.local().deliver(h, dev, natApplied(h, pre, NfView.apply(pre, t.packet())), false);
            } else {
                path.output().rejected(h, t, pre, dev);
            }
            return;
        }
        RouteAnswer r;
        try {
            r = ns.routing().resolver().input(pre.dst(), pre.src(), dev.ifindex(), mark, pre.tos());
        } catch (NetlinkException e) {
            noRoute(h, dev, pre, e.errno(), t);
            return;
        }
        h.decide(new StackDecision.RouteChosen(r.table(), r.rulePriority(), r.route(), pre.dst()));
        if (r.type() == RouteType.LOCAL || r.type() == RouteType.BROADCAST) {
            int before = t.steps().size();
            ok = t.run(Hook.INPUT);
            h.steps(t.steps().subList(before, t.steps().size()));
            if (!ok) {
                path.output().rejected(h, t, pre, dev);
                return;
            }
            path.local().deliver(h, dev, natApplied(h, pre, NfView.apply(pre, t.packet())),
                    r.type() == RouteType.BROADCAST);
            return;
        }
        forward(h, t, dev, pre, r);
    }

    private void noRoute(Handling h, NetDevice dev, Ipv4Packet ip, Errno errno, Traversal t) {
        if (errno == Errno.EINVAL || errno == Errno.EXDEV) {
            h.drop(DropReason.MARTIAN);
            return;
        }
        if (ns.sysctls().conf(dev.name(), "forwarding") == 0) {
            h.drop(DropReason.FORWARDING_DISABLED);
            return;
        }
        int code = errno == Errno.EHOSTUNREACH ? 1 : errno == Errno.EACCES ? 13 : 0;
        if (path.peers().allowRouteError(ip.src(), now())) {
            path.output().icmpError(h, ip, Icmp.UNREACHABLE, code, 0, dev, t.attachment());
        }
        h.drop(DropReason.NO_ROUTE);
    }

    private void forward(Handling h, Traversal t, NetDevice in, Ipv4Packet ip, RouteAnswer r) {
        if (ip.ttl() <= 1) {
            path.output().icmpError(h, ip, Icmp.TIME_EXCEEDED, 0, 0, in, t.attachment());
            h.drop(DropReason.TTL_EXCEEDED);
            return;
        }
        NetDevice out = ns.links().byIndex(r.dev());
        Ipv4Packet fwd = ip.withTtl(ip.ttl() - 1);
        if ((r.cacheFlags() & RouteAnswer.REDIRECT) != 0 && path.peers().allowRedirect(ip.src(), now())
                && !t.natDropsRedirect()) {
            // ip_forward: out the way it came in, to a source on that link (before FORWARD).
            path.output().icmpError(h, fwd, Icmp.REDIRECT, 1, r.gateway() != 0 ? r.gateway() : ip.dst(), in,
                    t.attachment());
        }
        int before = t.steps().size();
        t.packet(t.packet().withDevices(in.name(), out.name()));
        boolean ok = t.run(Hook.FORWARD);
        if (ok) {
            ok = t.run(Hook.POSTROUTING);
        }
        h.steps(t.steps().subList(before, t.steps().size()));
        if (!ok) {
            path.output().rejected(h, t, ip, in);
            return;
        }
        fwd = natApplied(h, fwd, NfView.apply(fwd, t.packet()));
        path.neighbours().output(h, out, r.gateway() != 0 ? r.gateway() : fwd.dst(), fwd, t.connection());
    }

    private long now() {
        return path.stack().simulation().clock().nanos();
    }

    static Ipv4Packet natApplied(Handling h, Ipv4Packet before, Ipv4Packet after) {
        if (after != before && h.recording()) {
            if (after.src() != before.src()) {
                h.decide(new StackDecision.NatApplied(true, before.src(), after.src()));
            }
            if (after.dst() != before.dst()) {
                h.decide(new StackDecision.NatApplied(false, before.dst(), after.dst()));
            }
        }
        return after;
    }
}
