package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.SourceAddress;
import dev.packetwalk.linux.conntrack.Connection;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.neigh.Neighbour;
import dev.packetwalk.linux.neigh.NeighbourTable;
import dev.packetwalk.linux.neigh.NudState;
import dev.packetwalk.linux.route.Scope;
import dev.packetwalk.net.packet.Arp;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.Ipv4Packet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The neighbour layer of one namespace (neigh_resolve_output and the ARP state machine with
 * the kernel's default timers): INCOMPLETE entries queue packets and solicit three times a
 * second apart, then fail and answer the queued packets with ICMP host unreachable; STALE
 * entries in use go to DELAY, then PROBE; REACHABLE ages to STALE after base_reachable_time.
 */
final class Neighbours {
    static final long SECOND = 1_000_000_000L;
    /** base_reachable_time (30 s); the kernel randomises it by ±50 %, we use the base. */
    static final long REACHABLE_TIME = 30 * SECOND;
    static final long RETRANS_TIME = SECOND;
    static final long DELAY_FIRST_PROBE = 5 * SECOND;
    static final int MCAST_SOLICIT = 3;
    static final int UCAST_SOLICIT = 3;
    private static final long BROADCAST = 0xffff_ffff_ffffL;

    /** Timing and queue of one entry (beside the table's immutable Neighbour values). */
    private static final class State {
        long confirmed;
        long delayStart;
        int probes;
        int generation;
        int hintSrc;
        /** When the entry's last state-changing timer was due (virtual nanos), or Long.MIN_VALUE. */
        long due = Long.MIN_VALUE;
        /** When the entry failed (virtual nanos), or Long.MIN_VALUE. */
        long failedAt = Long.MIN_VALUE;
        final List<Queued> queue = new ArrayList<>();

        /** Empties the queue; each packet's hold on its connection ends. */
        List<Queued> drain() {
            List<Queued> all = new ArrayList<>(queue);
            queue.clear();
            all.forEach(q -> q.release());
            return all;
        }
    }

    /** A packet waiting for resolution, with the connection it holds a reference to (or null). */
    private record Queued(Ipv4Packet ip, Connection ct) {
        Queued {
            if (ct != null) {
                ct.hold();
            }
        }

        void release() {
            if (ct != null) {
                ct.release();
            }
        }
    }

    private final NamespacePath path;
    private final Namespace ns;
    private final NeighbourTable table;
    private final Map<Long, State> states = new HashMap<>();

    Neighbours(NamespacePath path) {
        this.path = path;
        this.ns = path.namespace();
        this.table = ns.neighbours();
        if (path.stack().live()) {
            table.ager(this::age);
        }
    }

    private long now() {
        return path.stack().simulation().clock().nanos();
    }

    private State state(int ifindex, int addr) {
        return states.computeIfAbsent(NeighbourTable.key(ifindex, addr), k -> new State());
    }

    /** A REACHABLE entry whose confirmation is older than the reachable time is STALE. */
    private Neighbour age(Neighbour n) {
        if (n.state() == NudState.REACHABLE) {
            State s = states.get(NeighbourTable.key(n.ifindex(), n.address()));
            if (s != null && now() - s.confirmed >= REACHABLE_TIME) {
                return new Neighbour(n.ifindex(), n.address(), n.lladdr(), NudState.STALE);
            }
        }
        return n;
    }

    /**
     * True when some entry's timer is or was due within [now - before, now + after]: the real
     * kernel runs such timers late by up to an eighth of their timeout (timer wheel
     * granularity), so the entry's state at {@code now} is not determined.
     */
    boolean timerNear(long before, long after) {
        long now = now();
        for (State s : states.values()) {
            if (s.due != Long.MIN_VALUE && s.due >= now - before && s.due <= now + after) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when an entry has been FAILED for longer than {@code age}: the kernel's periodic
     * garbage collection (every 15 s, at a phase of its own) removes failed entries, so whether
     * one is still listed is not determined.
     */
    boolean failedLongerThan(long age) {
        long now = now();
        for (Map.Entry<Long, State> e : states.entrySet()) {
            State s = e.getValue();
            Neighbour n = table.lookup((int) (e.getKey() >>> 32), (int) (long) e.getKey());
            if (s.failedAt != Long.MIN_VALUE && n != null && n.state() == NudState.FAILED && now - s.failedAt > age) {
                return true;
            }
        }
        return false;
    }

    /** Sends {@code ip} out of {@code dev} to {@code nexthop}'s link-layer address. */
    void output(Handling h, NetDevice dev, int nexthop, Ipv4Packet ip) {
        output(h, dev, nexthop, ip, null);
    }

    /** As above; {@code ct} is the packet's connection, referenced while the packet waits. */
    void output(Handling h, NetDevice dev, int nexthop, Ipv4Packet ip, Connection ct) {
        if (dev.kind() == LinkKind.LOOPBACK) {
            h.transmit(dev, Frame.of(0L, 0L, ip));
            return;
        }
        if (dev.kind() == LinkKind.DUMMY || nexthop == -1) {
            h.transmit(dev, Frame.of(nexthop == -1 ? BROADCAST : dev.mac(), dev.mac(), ip));
            return;
        }
        Neighbour n = table.lookup(dev.ifindex(), nexthop);
        NudState st = n == null ? NudState.NONE : n.state();
        switch (st) {
            case PERMANENT, NOARP, REACHABLE, DELAY, PROBE -> send(h, dev, n, ip);
            case STALE -> {
                if (live()) {
                    table.replace(new Neighbour(n.ifindex(), n.address(), n.lladdr(), NudState.DELAY));
                    State s = state(dev.ifindex(), nexthop);
                    s.delayStart = now();
                    s.generation++;
                    schedule(dev, nexthop, s, DELAY_FIRST_PROBE, true);
                }
                send(h, dev, n, ip);
            }
            case INCOMPLETE -> {
                if (live()) {
                    state(dev.ifindex(), nexthop).queue.add(new Queued(ip, ct));
                }
                h.decide(new StackDecision.NeighbourQueued(dev.name(), nexthop, false));
            }
            default -> {
                h.decide(new StackDecision.NeighbourQueued(dev.name(), nexthop, true));
                if (!live()) {
                    solicit(h, dev, nexthop, BROADCAST, ip.src());
                    return;
                }
                table.replace(new Neighbour(dev.ifindex(), nexthop, -1, NudState.INCOMPLETE));
                State s = state(dev.ifindex(), nexthop);
                s.drain();
                s.queue.add(new Queued(ip, ct));
                s.probes = 1;
                s.hintSrc = ip.src();
                s.generation++;
                solicit(h, dev, nexthop, BROADCAST, ip.src());
                schedule(dev, nexthop, s, RETRANS_TIME, s.probes >= MCAST_SOLICIT);
            }
        }
    }

    private boolean live() {
        return path.stack().live();
    }

    private void send(Handling h, NetDevice dev, Neighbour n, Ipv4Packet ip) {
        h.decide(new StackDecision.NeighbourResolved(dev.name(), n.address(), n.lladdr(), n.state()));
        h.transmit(dev, Frame.of(n.lladdr(), dev.mac(), ip));
    }

    /** An ARP request for {@code target} (arp_solicit: the packet's source if it is ours). */
    void solicit(Handling h, NetDevice dev, int target, long dstMac, int hintSrc) {
        int spa = hintSrc != 0 && ns.addresses().deviceOf(hintSrc) != 0 ? hintSrc
                : SourceAddress.select(ns, dev, target, Scope.LINK);
        h.transmit(dev, Frame.of(dstMac, dev.mac(), Arp.request(dev.mac(), spa, target)));
    }

    /** Arms the entry's timer; {@code visible} when its expiry changes the state ip neigh shows. */
    private void schedule(NetDevice dev, int addr, State s, long delay, boolean visible) {
        int gen = s.generation;
        if (visible) {
            s.due = now() + delay;
        }
        path.stack().simulation().schedule(delay, () -> timer(dev, addr, s, gen));
    }

    /** neigh_timer_handler. */
    private void timer(NetDevice dev, int addr, State s, int gen) {
        Neighbour n = table.lookup(dev.ifindex(), addr);
        if (n == null || s.generation != gen || states.get(NeighbourTable.key(dev.ifindex(), addr)) != s) {
            return;
        }
        Handling h = new Handling(path.stack(), -1, path.node(), dev.name(), null, null);
        switch (n.state()) {
            case INCOMPLETE, PROBE -> {
                int max = n.state() == NudState.INCOMPLETE ? MCAST_SOLICIT : UCAST_SOLICIT;
                if (s.probes >= max) {
                    fail(h, dev, n, s);
                } else {
                    s.probes++;
                    solicit(h, dev, addr, n.state() == NudState.PROBE ? n.lladdr() : BROADCAST, s.hintSrc);
                    schedule(dev, addr, s, RETRANS_TIME, s.probes >= max);
                }
            }
            case DELAY -> {
                if (s.confirmed >= s.delayStart) {
                    table.replace(new Neighbour(n.ifindex(), addr, n.lladdr(), NudState.REACHABLE));
                    return;
                }
                table.replace(new Neighbour(n.ifindex(), addr, n.lladdr(), NudState.PROBE));
                s.probes = 1;
                solicit(h, dev, addr, n.lladdr(), 0);
                schedule(dev, addr, s, RETRANS_TIME, s.probes >= UCAST_SOLICIT);
            }
            default -> {
                return;
            }
        }
        h.finish();
    }

    private void fail(Handling h, NetDevice dev, Neighbour n, State s) {
        table.replace(new Neighbour(n.ifindex(), n.address(), -1, NudState.FAILED));
        s.failedAt = now();
        h.drop(DropReason.NEIGHBOUR_FAILED);
        for (Queued q : s.drain()) {
            path.output().icmpError(h, q.ip(), Icmp.UNREACHABLE, 1, dev);
        }
    }

    /**
     * neigh_update from ARP: sets the entry for {@code addr} (creating it when {@code create})
     * and sends what was queued for it.
     */
    void update(Handling h, NetDevice dev, int addr, long lladdr, NudState want, boolean create) {
        Neighbour old = table.lookup(dev.ifindex(), addr);
        if ((old == null && !create) || !live()) {
            return;
        }
        if (old != null && (old.state() == NudState.PERMANENT || old.state() == NudState.NOARP)) {
            return;
        }
        NudState next = want;
        boolean connected = old != null && (old.state() == NudState.REACHABLE);
        if (want == NudState.STALE && old != null && old.lladdr() == lladdr
                && (connected || old.state() == NudState.DELAY || old.state() == NudState.PROBE)) {
            next = old.state();
        }
        State s = state(dev.ifindex(), addr);
        if (next == NudState.REACHABLE) {
            s.confirmed = now();
        }
        if (old == null || old.state() != next || old.lladdr() != lladdr) {
            table.replace(new Neighbour(dev.ifindex(), addr, lladdr, next));
            h.decide(new StackDecision.NeighbourLearned(dev.name(), addr, lladdr, next));
        }
        if (old == null || old.state() != next) {
            s.generation++;
        }
        if (!s.queue.isEmpty()) {
            for (Queued q : s.drain()) {
                output(h, dev, addr, q.ip());
            }
        }
    }
}
