package dev.packetwalk.host.command.linux;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.stack.NamespacePath;
import dev.packetwalk.linux.stack.PacketSocket;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.net.packet.Arp;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.sim.Simulation;


/**
 * iputils 20221126 arping: ARP probes from a packet socket on one device, one per interval of
 * virtual time, with the replies it accepts (or, with -D, the duplicates it detects), and -U /
 * -A gratuitous requests and replies. Replies are timed on the simulation's clock.
 */
public final class ArpingCommand implements Command {
    private static final long BROADCAST = 0xffff_ffff_ffffL;
    private static final long NS = 1_000_000_000L;
    private static final long SETTLE = 1_000_000L;

    @Override
    public int run(Invocation inv) {
        ArpingOptions o;
        try {
            o = ArpingOptions.parse(inv.args());
        } catch (ArpingOptions.Invalid e) {
            inv.errln(e.getMessage());
            return e.status;
        }
        if (o.version()) {
            inv.println("arping from iputils 20221126");
            inv.println("libcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes");
            return 0;
        }
        long dstBits = Ipv4.parseOrMinusOne(o.destination());
        if (dstBits < 0) {
            inv.errln("arping: " + o.destination() + ": Name or service not known");
            return 2;
        }
        int dst = (int) dstBits;
        Namespace ns = inv.host().kernel().namespace(inv.namespace()).orElseThrow();
        NetDevice dev = o.device() != null ? ns.links().byName(o.device()) : onlyCandidate(ns);
        if (dev == null) {
            inv.errln(o.device() != null ? "arping: Device " + o.device() + " not available."
                    : "arping: Suitable device could not be determined. Please, use option -I.");
            return 2;
        }
        if (!dev.isUp()) {
            inv.errln("Interface \"" + dev.name() + "\" is down");
            return 2;
        }
        int src;
        if (o.dad()) {
            src = 0;
        } else if (o.unsolicited()) {
            src = dst;
        } else if (o.source() != null) {
            long s = Ipv4.parseOrMinusOne(o.source());
            if (s < 0 || ns.addresses().deviceOf((int) s) == 0) {
                inv.errln("arping: bind: Cannot assign requested address");
                return 2;
            }
            src = (int) s;
        } else {
            try {
                src = ns.routing().resolver().output(dst, 0, dev.ifindex(), 0, 0).prefsrc();
            } catch (NetlinkException e) {
                inv.errln("arping: connect: " + e.errno().text());
                return 2;
            }
        }
        if (o.count() < 0 && o.deadline() <= 0) {
            inv.errln("arping: without -c or -w this arping would run until interrupted; give one of them");
            return 2;
        }
        if (!o.quiet()) {
            inv.println("ARPING " + Ipv4.format(dst) + " from " + Ipv4.format(src) + " " + dev.name());
        }
        Probe probe = new Probe(o, dev, src, dst, inv.out());
        NamespacePath path = inv.host().kernel().stack().path(ns);
        path.open(probe);
        Simulation sim = inv.host().kernel().stack().simulation();
        try {
            loop(o, sim, path, probe);
        } finally {
            path.close(probe);
        }
        // Frames still on their way arrive while the process exits, to a closed socket.
        sim.runUntil(sim.clock().nanos() + SETTLE);
        return probe.finish();
    }

    /** Without -I: the one device that is up and can do ARP. */
    private static NetDevice onlyCandidate(Namespace ns) {
        NetDevice found = null;
        for (NetDevice d : ns.links().all()) {
            if (d.isUp() && d.kind() != LinkKind.LOOPBACK) {
                if (found != null) {
                    return null;
                }
                found = d;
            }
        }
        return found;
    }

    private static void loop(ArpingOptions o, Simulation sim, NamespacePath path, Probe probe) {
        long start = sim.clock().nanos();
        long interval = (long) (o.interval() * NS);
        long deadline = o.deadline() > 0 ? start + (long) (o.deadline() * NS) : Long.MAX_VALUE;
        for (long tick = start; ; tick += interval) {
            if (!runUntil(sim, probe, tick)) {
                return;
            }
            if (o.count() >= 0 && probe.sent >= o.count()) {
                return;
            }
            probe.send(path, sim.clock().nanos());
            if (tick >= deadline || !runUntil(sim, probe, sim.clock().nanos())) {
                return;
            }
        }
    }

    /** Runs the simulation up to {@code until}; false once arping is done (quit on reply). */
    private static boolean runUntil(Simulation sim, Probe probe, long until) {
        long step = 1_000_000L;
        while (sim.clock().nanos() < until && !probe.done) {
            sim.runUntil(Math.min(until, sim.clock().nanos() + step));
        }
        sim.runUntil(until);
        return !probe.done;
    }

    /** The probes sent and the replies received (arping's run state). */
    private static final class Probe implements PacketSocket {
        private final ArpingOptions o;
        private final NetDevice dev;
        private final int src;
        private final int dst;
        private final StringBuilder out;
        private long he = BROADCAST;
        private long lastSent;
        int sent;
        private int broadcasts;
        private int received;
        private int broadcastReplies;
        private int requests;
        boolean done;

        Probe(ArpingOptions o, NetDevice dev, int src, int dst, StringBuilder out) {
            this.o = o;
            this.dev = dev;
            this.src = src;
            this.dst = dst;
            this.out = out;
        }

        void send(NamespacePath path, long now) {
            int op = o.advert() ? Arp.REPLY : Arp.REQUEST;
            long tha = o.advert() ? dev.mac() : he;
            path.transmitRaw(dev, Frame.of(he, dev.mac(), new Arp(op, dev.mac(), src, tha, dst)));
            lastSent = now;
            sent++;
            if (he == BROADCAST) {
                broadcasts++;
            }
        }

        @Override
        public void deliver(NetDevice on, Frame frame, long now) {
            Arp arp = frame.arp();
            if (on != dev || done || (arp.op() != Arp.REQUEST && arp.op() != Arp.REPLY) || arp.spa() != dst) {
                return;
            }
            if (o.dad()) {
                if (arp.sha() == dev.mac() || (src != 0 && src != arp.tpa())) {
                    return;
                }
            } else if (arp.tpa() != src || arp.tha() != dev.mac()) {
                return;
            }
            boolean unicast = frame.dst() == dev.mac();
            if (!o.quiet()) {
                out.append(unicast ? "Unicast " : "Broadcast ").append(arp.op() == Arp.REPLY ? "reply" : "request")
                   .append(" from ").append(Ipv4.format(arp.spa())).append(" [")
                   .append(MacAddress.format(arp.sha()).toUpperCase()).append("] ");
                boolean forPrinted = false;
                if (arp.tpa() != src) {
                    out.append("for ").append(Ipv4.format(arp.tpa())).append(' ');
                    forPrinted = true;
                }
                if (arp.tha() != dev.mac()) {
                    out.append(forPrinted ? "" : "for ").append('[')
                       .append(MacAddress.format(arp.tha()).toUpperCase()).append(']');
                }
                long us = (now - lastSent) / 1000;
                out.append(String.format(" %d.%03dms%n", us / 1000, us % 1000));
            }
            received++;
            if (!unicast) {
                broadcastReplies++;
            }
            if (arp.op() == Arp.REQUEST) {
                requests++;
            }
            if (o.quitOnReply()) {
                done = true;
                return;
            }
            if (!o.broadcastOnly()) {
                he = arp.sha();
            }
        }

        /** Prints the statistics; returns arping's exit status. */
        int finish() {
            if (!o.quiet()) {
                out.append("Sent ").append(sent).append(" probes (").append(broadcasts).append(" broadcast(s))\n");
                out.append("Received ").append(received).append(" response(s)");
                if (broadcastReplies > 0 || requests > 0) {
                    out.append(" (");
                    if (requests > 0) {
                        out.append(requests).append(" request(s)");
                    }
                    if (broadcastReplies > 0) {
                        out.append(requests > 0 ? ", " : "").append(broadcastReplies).append(" broadcast(s)");
                    }
                    out.append(')');
                }
                out.append('\n');
            }
            if (o.dad()) {
                return received > 0 ? 1 : 0;
            }
            if (o.unsolicited()) {
                return 0;
            }
            return received > 0 ? 0 : 1;
        }
    }
}
