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
import dev.packetwalk.linux.netfilter.RejectTarget;
import dev.packetwalk.linux.netfilter.Traversal;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.net.packet.Data;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.IcmpQuote;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.packet.Tcp;

/**
 * The output path for packets the namespace itself sends (echo replies, ICMP errors, resets,
 * ping): route lookup with source address selection, OUTPUT (raw, conntrack, mangle, nat,
 * filter), rerouting after DNAT, POSTROUTING, then the neighbour layer.
 */
final class Ipv4Output {
    private static final int BROADCAST = -1;
    private static final int QUOTE_ROOM = 576 - Ipv4Packet.HEADER - Icmp.HEADER;
    private final NamespacePath path;
    private final Namespace ns;

    Ipv4Output(NamespacePath path) {
        this.path = path;
        this.ns = path.namespace();
    }

    /** Sends {@code ip} (source 0 = chosen by the route); returns 0 or the route lookup's errno. */
    int send(Handling h, Ipv4Packet ip, int oif) {
        return send(h, ip, oif, null, false);
    }

    /**
     * As above; {@code kernelError} for an ICMP error the kernel generates (rate limited per
     * destination), which carries its offending packet's connection ({@code attach}, or null).
     */
    private int send(Handling h, Ipv4Packet ip, int oif, Traversal.Attachment attach, boolean kernelError) {
        RouteAnswer r;
        try {
            r = ns.routing().resolver().output(ip.dst(), ip.src(), oif, 0, ip.tos());
        } catch (NetlinkException e) {
            h.drop(DropReason.NO_ROUTE);
            return errno(e.errno());
        }
        if (ip.src() == 0) {
            ip = ip.withSrc(r.prefsrc());
        }
        h.decide(new StackDecision.RouteChosen(r.table(), r.rulePriority(), r.route(), ip.dst()));
        NetDevice out = ns.links().byIndex(r.dev());
        if (kernelError && ip.payload() instanceof Icmp error && out.kind() != LinkKind.LOOPBACK
                && !path.peers().allowIcmp(ip.dst(), error.type(), path.stack().simulation().clock().nanos())) {
            h.drop(DropReason.ICMP_RATE_LIMITED);
            return 0;
        }
        Traversal t = path.outbound();
        Packet p = NfView.of(ip, null, out.name(), 0, 0);
        Tuple quoted = NfView.quoted(ip);
        if (quoted != null && attach != null) {
            t.startError(p, quoted, attach);
        } else if (quoted != null) {
            t.startError(p, quoted);
        } else {
            t.start(p);
        }
        boolean ok = t.run(Hook.OUTPUT);
        if (ok) {
            Ipv4Packet natted = Ipv4Input.natApplied(h, ip, NfView.apply(ip, t.packet()));
            if (natted.dst() != ip.dst()) {
                try {
                    r = ns.routing().resolver().output(natted.dst(), natted.src(), oif, 0, ip.tos());
                } catch (NetlinkException e) {
                    h.steps(t.steps());
                    h.drop(DropReason.NO_ROUTE);
                    return 0;
                }
                out = ns.links().byIndex(r.dev());
                t.packet(t.packet().withDevices(null, out.name()));
            }
            ip = natted;
            ok = t.run(Hook.POSTROUTING);
        }
        h.steps(t.steps());
        if (!ok) {
            h.drop(t.verdict() instanceof RejectTarget ? DropReason.NETFILTER_REJECT : DropReason.NETFILTER_DROP);
            return 0;
        }
        ip = Ipv4Input.natApplied(h, ip, NfView.apply(ip, t.packet()));
        if (r.type() == RouteType.LOCAL) {
            h.transmit(out, Frame.of(0L, 0L, ip));
            return 0;
        }
        if (r.type() == RouteType.BROADCAST) {
            h.transmit(out, Frame.of(0xffff_ffff_ffffL, out.mac(), ip));
            return 0;
        }
        path.neighbours().output(h, out, r.gateway() != 0 ? r.gateway() : ip.dst(), ip, t.connection());
        return 0;
    }

    private static int errno(Errno e) {
        return switch (e) {
            case ENETUNREACH -> 101;
            case EHOSTUNREACH -> 113;
            case EINVAL -> 22;
            case ENODEV -> 19;
            default -> 1;
        };
    }

    /**
     * Sends the ICMP error {@code type}/{@code code} about {@code offending} back to its
     * source (icmp_send): never about an ICMP error, a fragment or a broadcast.
     */
    void icmpError(Handling h, Ipv4Packet offending, int type, int code, NetDevice in) {
        icmpError(h, offending, type, code, 0, in, null);
    }

    /**
     * As above, with the 32-bit rest of the ICMP header (a redirect's new gateway) and the
     * offending packet's connection, which the error carries (icmp_glue_bits: nf_ct_attach).
     */
    void icmpError(Handling h, Ipv4Packet offending, int type, int code, int rest, NetDevice in,
                   Traversal.Attachment attach) {
        if (offending.isFragment() || offending.dst() == BROADCAST || offending.src() == 0
                || (offending.dst() >>> 28) == 0xe) {
            return;
        }
        if (offending.payload() instanceof Icmp i && Icmp.isError(i.type())) {
            return;
        }
        int saddr = ns.addresses().deviceOf(offending.dst()) != 0 ? offending.dst() : 0;
        Ipv4Packet err = new Ipv4Packet(0xc0, 0, 0, 0, 64, saddr, offending.src(),
                new Icmp(type, code, rest & 0xffffffffL, quote(offending)));
        h.decide(new StackDecision.IcmpGenerated(type, code, offending.src()));
        send(h, err, 0, attach, true);
    }

    /** icmp_send quotes as much of the offending packet as fits a 576-byte error (548 bytes). */
    private static IcmpQuote quote(Ipv4Packet offending) {
        byte[] all = new byte[offending.totalLength()];
        offending.write(all, 0);
        return IcmpQuote.parse(all, 0, Math.min(all.length, QUOTE_ROOM));
    }

    /** After a netfilter drop: answers as REJECT asks, and records the drop. */
    void rejected(Handling h, Traversal t, Ipv4Packet ip, NetDevice in) {
        if (!(t.verdict() instanceof RejectTarget reject)) {
            h.drop(DropReason.NETFILTER_DROP);
            return;
        }
        h.drop(DropReason.NETFILTER_REJECT);
        Traversal.Attachment a = t.attachment();
        switch (reject.with()) {
            case "tcp-reset" -> {
                if (ip.payload() instanceof Tcp tcp) {
                    reset(h, ip, tcp);
                }
            }
            case "icmp-net-unreachable" -> icmpError(h, ip, Icmp.UNREACHABLE, 0, 0, in, a);
            case "icmp-host-unreachable" -> icmpError(h, ip, Icmp.UNREACHABLE, 1, 0, in, a);
            case "icmp-proto-unreachable" -> icmpError(h, ip, Icmp.UNREACHABLE, 2, 0, in, a);
            case "icmp-net-prohibited" -> icmpError(h, ip, Icmp.UNREACHABLE, 9, 0, in, a);
            case "icmp-host-prohibited" -> icmpError(h, ip, Icmp.UNREACHABLE, 10, 0, in, a);
            case "icmp-admin-prohibited" -> icmpError(h, ip, Icmp.UNREACHABLE, 13, 0, in, a);
            default -> icmpError(h, ip, Icmp.UNREACHABLE, 3, 0, in, a);
        }
    }

    /** A TCP reset answering {@code tcp} (a closed port or REJECT --reject-with tcp-reset). */
    void reset(Handling h, Ipv4Packet ip, Tcp tcp) {
        if ((tcp.flags() & Tcp.RST) != 0) {
            return;
        }
        Tcp rst;
        if ((tcp.flags() & Tcp.ACK) != 0) {
            rst = new Tcp(tcp.dstPort(), tcp.srcPort(), tcp.ack(), 0, Tcp.RST, 0, 0, Data.EMPTY);
        } else {
            long len = tcp.data().length() + ((tcp.flags() & Tcp.SYN) != 0 ? 1 : 0)
                    + ((tcp.flags() & Tcp.FIN) != 0 ? 1 : 0);
            rst = new Tcp(tcp.dstPort(), tcp.srcPort(), 0, (tcp.seq() + len) & 0xffffffffL,
                    Tcp.RST | Tcp.ACK, 0, 0, Data.EMPTY);
        }
        send(h, Ipv4Packet.of(ip.dst(), ip.src(), rst), 0);
    }
}
