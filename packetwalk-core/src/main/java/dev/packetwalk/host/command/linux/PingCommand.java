package dev.packetwalk.host.command.linux;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.linux.RouteAnswer;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.stack.NamespacePath;
import dev.packetwalk.linux.stack.NetStack;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.packet.Data;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.sim.Simulation;

/**
 * iputils 20221126 ping: echo requests from the command's namespace through the kernel's
 * packet path, one per interval of virtual time, with iputils' lines and statistics.
 */
public final class PingCommand implements Command {
    private static final long MS = 1_000_000L;
    private int nextId = 0x1f2e;

    @Override
    public int run(Invocation inv) {
        if (inv.args().contains("-V")) {
            inv.println("ping from iputils 20221126");
            inv.println("libcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes");
            return 0;
        }
        PingOptions o;
        try {
            o = PingOptions.parse(inv.args());
        } catch (PingOptions.Invalid e) {
            inv.errln(e.getMessage());
            return e.status;
        }
        long dstBits = Ipv4.parseOrMinusOne(o.destination());
        if (dstBits < 0) {
            inv.errln("ping: " + o.destination() + ": Name or service not known");
            return 2;
        }
        int dst = (int) dstBits;
        Namespace ns = inv.host().kernel().namespace(inv.namespace()).orElseThrow();
        int oif = 0;
        int src = 0;
        String device = null;
        if (o.iface() != null) {
            long a = Ipv4.parseOrMinusOne(o.iface());
            if (a >= 0) {
                src = (int) a;
            } else {
                NetDevice d = ns.links().byName(o.iface());
                if (d == null) {
                    inv.errln("ping: SO_BINDTODEVICE " + o.iface() + ": No such device");
                    return 2;
                }
                oif = d.ifindex();
                device = d.name();
            }
        }
        RouteAnswer route;
        try {
            route = ns.routing().resolver().output(dst, src, oif, 0, 0);
        } catch (NetlinkException e) {
            inv.errln(e.errno() == Errno.EACCES
                    ? "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules"
                    : "ping: connect: " + connectError(e.errno()));
            return 2;
        }
        if (src == 0) {
            src = route.prefsrc();
        }
        StringBuilder head = new StringBuilder("PING ").append(o.destination()).append(" (")
                .append(Ipv4.format(dst)).append(") ");
        if (o.iface() != null) {
            head.append("from ").append(Ipv4.format(src)).append(' ').append(device == null ? "" : device).append(": ");
        }
        head.append(o.size()).append('(').append(o.size() + 28).append(") bytes of data.");
        inv.println(head.toString());
        NetStack stack = inv.host().kernel().stack();
        PingTally tally = new PingTally(o, dst, nextId++ & 0xffff, inv.out(), stack.simulation().clock());
        NamespacePath path = stack.path(ns);
        path.open(tally);
        try {
            loop(o, stack.simulation(), path, tally, src, dst, oif);
        } finally {
            path.close(tally);
        }
        tally.statistics(o.destination());
        return tally.status();
    }

    private static void loop(PingOptions o, Simulation sim, NamespacePath path, PingTally tally, int src, int dst,
                             int oif) {
        long start = sim.clock().nanos();
        long interval = (long) (o.interval() * 1000) * MS;
        long deadline = o.deadline() > 0 ? start + (long) (o.deadline() * 1000) * MS : Long.MAX_VALUE;
        long seq = 0;
        while (o.count() == 0 || seq < o.count()) {
            long at = start + seq * interval;
            if (at >= deadline) {
                break;
            }
            sim.runUntil(at);
            seq++;
            Icmp echo = Icmp.echoRequest(tally.id(), (int) (seq & 0xffff), Data.pattern(o.size()));
            tally.sent((int) seq, sim.clock().nanos());
            path.send(new Ipv4Packet(0, (int) (seq & 0xffff), Ipv4Packet.DF, 0, o.ttl(), src, dst, echo), oif, -1);
            if (o.count() != 0 && seq == o.count()) {
                break;
            }
            if (!waitFor(sim, tally, Math.min(at + interval, deadline), false)) {
                break;
            }
        }
        long linger = tally.received() > 0 ? Math.max(2 * tally.maxRttNanos(), MS) : (long) (o.linger() * 1000) * MS;
        waitFor(sim, tally, Math.min(sim.clock().nanos() + linger, deadline), true);
    }

    /** Runs the simulation until {@code until}; false when ping would stop early. */
    private static boolean waitFor(Simulation sim, PingTally tally, long until, boolean stopWhenDone) {
        long step = MS;
        while (sim.clock().nanos() < until) {
            sim.runUntil(Math.min(until, sim.clock().nanos() + step));
            if (stopWhenDone && tally.done()) {
                return false;
            }
            if (tally.errorStop()) {
                return false;
            }
        }
        return true;
    }

    private static String connectError(Errno e) {
        return switch (e) {
            case ENETUNREACH -> "Network is unreachable";
            case EHOSTUNREACH -> "No route to host";
            case EINVAL -> "Invalid argument";
            default -> e.text();
        };
    }
}
