package dev.packetwalk.linux.netfilter;

import dev.packetwalk.linux.conntrack.Connection;
import dev.packetwalk.linux.conntrack.Conntrack;
import dev.packetwalk.linux.conntrack.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * One packet's way through netfilter, hook by hook (the context object of a traversal): the
 * tables of each hook in priority order, jumps and returns with an explicit stack, policies,
 * conntrack lookup after raw and confirmation at the last hook, NAT on the first packet of a
 * connection and from the binding afterwards (replies reversed). In live mode rule and policy
 * counters and the conntrack table change; a dry traversal changes nothing.
 */
public final class Traversal implements TargetEnv {
    private static final int MAX_DEPTH = 64;

    private final Netfilter netfilter;
    private final MatchEnv env;
    private final Conntrack conntrack;
    private final DeviceAddresses addresses;
    private final boolean live;
    private final List<Step> steps;
    private final ChainIndex[] stackIndex = new ChainIndex[MAX_DEPTH];
    private final int[] stackPos = new int[MAX_DEPTH];
    private final Table[][] hookTables = new Table[Hook.values().length][];

    private Packet packet;
    private Hook hook;
    private int zone;
    private boolean notrack;
    private Connection connection;
    private boolean reply;
    private Tuple original;
    private boolean natDone;
    private Target verdict;
    private Tuple related;
    private boolean relatedBinding;
    private Attachment attached;

    /**
     * The connection an ICMP error generated about a packet carries (nf_ct_attach), even when
     * it is not confirmed yet, and whether the error travels the connection's reply way.
     */
    public record Attachment(Connection connection, boolean errorIsReply) {
    }

    /**
     * @param conntrack the namespace's table, or null to skip connection tracking
     * @param recordSteps false for the fast path (benchmarks): no step list is built
     */
    public Traversal(Netfilter netfilter, MatchEnv env, Conntrack conntrack, DeviceAddresses addresses,
                     boolean live, boolean recordSteps) {
        this.netfilter = netfilter;
        this.env = env;
        this.conntrack = conntrack;
        this.addresses = addresses;
        this.live = live;
        this.steps = recordSteps ? new ArrayList<>() : null;
        for (Hook h : Hook.values()) {
            hookTables[h.ordinal()] = h.tables().stream().map(netfilter::table).toArray(Table[]::new);
        }
    }

    /** Starts a new packet (the traversal object can be reused packet after packet). */
    public Traversal start(Packet p) {
        packet = p;
        zone = 0;
        notrack = false;
        connection = null;
        reply = false;
        original = null;
        natDone = false;
        verdict = null;
        related = null;
        relatedBinding = false;
        attached = null;
        if (steps != null) {
            steps.clear();
        }
        return this;
    }

    @Override
    public Packet packet() {
        return packet;
    }

    @Override
    public void packet(Packet changed) {
        packet = changed;
    }

    /** The decisions taken so far (empty when steps are not recorded). */
    public List<Step> steps() {
        return steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * Starts an ICMP error whose quoted packet has the tuple {@code quoted} (as it was sent):
     * conntrack finds the connection it relates to.
     */
    public Traversal startError(Packet p, Tuple quoted) {
        start(p);
        related = quoted;
        return this;
    }

    /** Starts an ICMP error the kernel generated itself, with the offending packet's connection attached. */
    public Traversal startError(Packet p, Tuple quoted, Attachment attachment) {
        startError(p, quoted);
        attached = attachment;
        return this;
    }

    /** What an ICMP error about the current packet carries (null when it is untracked). */
    public Attachment attachment() {
        if (conntrack == null || notrack || relatedBinding) {
            return null;
        }
        if (connection != null) {
            return new Attachment(connection, !reply);
        }
        if (original == null) {
            return null;
        }
        Tuple after = tuple(packet);
        boolean snat = after.src() != original.src() || after.sport() != original.sport();
        boolean dnat = after.dst() != original.dst() || after.dport() != original.dport();
        return new Attachment(new Connection(original, after.inverse(), snat, dnat, conntrack.clock().nanos()), true);
    }

    /** The target that dropped the packet (DROP or REJECT), or null for a policy drop. */
    public Target verdict() {
        return verdict;
    }

    /** The connection the packet belongs or relates to (after PREROUTING/OUTPUT), or null. */
    public Connection connection() {
        return connection;
    }

    /**
     * True when NAT would drop an ICMP redirect about this packet (nf_nat_icmp_reply_translation):
     * with the nat table in use, a redirect about a connection whose NAT is not finished yet
     * (its first packet, before POSTROUTING) or that is NATed does not leave.
     */
    public boolean natDropsRedirect() {
        if (conntrack == null || notrack || !netfilter.table("nat").exists()) {
            return false;
        }
        Connection c = connection;
        return c == null ? original != null : c.snat() || c.dnat();
    }

    /** True when the packet travels its connection's reply direction. */
    public boolean replyDirection() {
        return reply;
    }

    /** Runs one hook; true when the packet is accepted (it may have been rewritten). */
    public boolean run(Hook h) {
        this.hook = h;
        natDone = false;
        for (Table table : hookTables[h.ordinal()]) {
            String name = table.name();
            if (name.equals("nat")) {
                if (!natAllowed()) {
                    applyBinding();
                    continue;
                }
            }
            if (table.exists() && !walk(table, table.chain(chainOf(h, name)))) {
                return false;
            }
            if (name.equals("raw") && h.tracks()) {
                track();
            }
        }
        if (h.tracks() && !h.tables().contains("raw")) {
            track();
        }
        if (h == Hook.POSTROUTING) {
            applyBinding();
        }
        if (h.confirms()) {
            confirm();
        }
        return true;
    }

    private static String chainOf(Hook h, String table) {
        return h.name();
    }

    /** The nat table sees only the first packet of a new connection (never an untracked or invalid one). */
    private boolean natAllowed() {
        return connection == null && original != null && !notrack && !natDone;
    }

    /** Walks a built-in chain; false when the packet was dropped. */
    private boolean walk(Table table, Chain start) {
        ChainIndex idx = start.index(table);
        int pos = 0;
        int depth = 0;
        while (true) {
            int i = idx.next(pos, packet, env);
            if (i < 0) {
                if (depth == 0) {
                    return policy(table, start);
                }
                depth--;
                idx = stackIndex[depth];
                pos = stackPos[depth];
                continue;
            }
            Target.Outcome o = idx.fixed(i);
            Rule r = null;
            if (live || o == null || steps != null) {
                r = idx.rules[i];
                if (live) {
                    r.count(packet.length());
                }
                Target t = r.target();
                if (t == null) {
                    pos = i + 1;
                    continue;
                }
                if (o == null) {
                    o = t.apply(this);
                }
                record(table, idx.chain, i, r, o, t);
            }
            switch (o) {
                case CONTINUE -> pos = i + 1;
                case ACCEPT -> {
                    return true;
                }
                case DROP -> {
                    verdict = idx.rules[i].target();
                    return false;
                }
                case RETURN -> {
                    if (depth == 0) {
                        return policy(table, start);
                    }
                    depth--;
                    idx = stackIndex[depth];
                    pos = stackPos[depth];
                }
                case JUMP, GOTO -> {
                    if (o == Target.Outcome.JUMP) {
                        if (depth == MAX_DEPTH) {
                            return false;
                        }
                        stackIndex[depth] = idx;
                        stackPos[depth] = i + 1;
                        depth++;
                    }
                    idx = idx.jump(i, table);
                    pos = 0;
                }
            }
        }
    }

    private boolean policy(Table table, Chain chain) {
        if (live && chain.counting() && !table.name().equals("nat")) {
            // iptables-nft counts policy packets only in a base chain whose policy was set, and
            // never in the nat table's (measured).
            chain.countPolicy(packet.length());
        }
        boolean accept = "ACCEPT".equals(chain.policy());
        if (steps != null) {
            steps.add(new Step(table.name(), chain.name(), 0, "-P " + chain.name() + " " + chain.policy(),
                    chain.policy()));
        }
        return accept;
    }

    private void record(Table table, Chain chain, int i, Rule r, Target.Outcome o, Target t) {
        if (steps == null) {
            return;
        }
        String action = switch (o) {
            case JUMP -> "jump " + t.name();
            case GOTO -> "goto " + t.name();
            case CONTINUE -> t.name() + " (continue)";
            default -> t instanceof NatTarget ? t.name() + " " + describe() : t.name();
        };
        steps.add(new Step(table.name(), chain.name(), i + 1, "-A " + chain.name() + r.spec(), action));
    }

    private String describe() {
        return dev.packetwalk.net.Ipv4.format(packet.src()) + ":" + packet.sport() + " -> "
                + dev.packetwalk.net.Ipv4.format(packet.dst()) + ":" + packet.dport();
    }

    // ---- conntrack -------------------------------------------------------------------

    private Tuple tuple(Packet p) {
        int dport = p.proto() == Packet.ICMP ? (p.icmpType() << 8) | p.icmpCode() : p.dport();
        int sport = p.sport();
        return new Tuple(p.src(), p.dst(), p.proto(), sport, dport, zone);
    }

    private void track() {
        if (conntrack == null) {
            return;
        }
        if (notrack) {
            packet = packet.withConntrack(CtState.UNTRACKED, zone, 0);
            return;
        }
        if (attached != null) {
            connection = attached.connection();
            reply = attached.errorIsReply();
            relatedBinding = true;
            packet = packet.withConntrack(CtState.RELATED, zone, connection.mark());
            return;
        }
        Tuple t = tuple(packet);
        Connection c = conntrack.lookup(t);
        if (c != null) {
            connection = c;
            reply = !t.equals(c.original());
            if (live) {
                // nf_conntrack_in: the reply bit and the timeout change here, before any filter verdict.
                c.seen(reply, conntrack.clock().nanos());
            }
            int state = reply || c.replied() ? CtState.ESTABLISHED : CtState.NEW;
            if (c.snat()) {
                state |= CtState.SNAT;
            }
            if (c.dnat()) {
                state |= CtState.DNAT;
            }
            if (packet.ctState() != state || packet.ctZone() != zone || packet.ctMark() != c.mark()) {
                packet = packet.withConntrack(state, zone, c.mark());
            }
            applyBinding();
            return;
        }
        boolean icmpError = packet.proto() == Packet.ICMP
                && (packet.icmpType() == 3 || packet.icmpType() == 4 || packet.icmpType() == 5
                || packet.icmpType() == 11 || packet.icmpType() == 12);
        if (icmpError) {
            Tuple key = related == null ? null : related.inverse().inZone(zone);
            Connection rc = key == null ? null : conntrack.lookup(key);
            if (rc != null) {
                connection = rc;
                reply = key.equals(rc.reply());
                packet = packet.withConntrack(CtState.RELATED, zone, rc.mark());
                relatedBinding = true;
                return;
            }
            packet = packet.withConntrack(CtState.INVALID, zone, 0);
            return;
        }
        original = t;
        packet = packet.withConntrack(CtState.NEW, zone, 0);
    }

    /** Rewrites the packet from an existing connection's binding (DNAT before routing, SNAT after). */
    private void applyBinding() {
        Connection c = connection;
        if (c == null) {
            return;
        }
        // The packet should look like the inverse of the other direction's tuple.
        Tuple other = reply ? c.original() : c.reply();
        int wantSrc = other.dst();
        int wantSport = other.dport();
        int wantDst = other.src();
        int wantDport = other.sport();
        Packet p = packet;
        boolean before = hook == Hook.PREROUTING || hook == Hook.OUTPUT;
        if (relatedBinding) {
            // An ICMP error: only the address the connection's NAT changes in this hook.
            boolean manip = before ? (reply ? c.snat() : c.dnat()) : (reply ? c.dnat() : c.snat());
            if (manip) {
                packet = before ? p.withAddresses(p.src(), p.sport(), wantDst, p.dport())
                        : p.withAddresses(wantSrc, p.sport(), p.dst(), p.dport());
            }
            return;
        }
        if (before) {
            int dport = p.proto() != Packet.ICMP ? wantDport : p.dport();
            if (wantDst != p.dst() || dport != p.dport()) {
                packet = p.withAddresses(p.src(), p.sport(), wantDst, dport);
            }
        } else {
            int sport = p.proto() != Packet.ICMP ? wantSport : p.sport();
            if (wantSrc != p.src() || sport != p.sport()) {
                packet = p.withAddresses(wantSrc, sport, p.dst(), p.dport());
            }
        }
    }

    private void confirm() {
        if (conntrack == null || !live || notrack) {
            return;
        }
        long now = conntrack.clock().nanos();
        if (relatedBinding) {
            return;
        }
        if (connection != null || original == null) {
            return;
        }
        Tuple after = tuple(packet);
        boolean snat = after.src() != original.src() || after.sport() != original.sport();
        boolean dnat = after.dst() != original.dst() || after.dport() != original.dport();
        Connection c = new Connection(original, new Tuple(after.src(), after.dst(), after.proto(),
                after.sport(), after.dport(), zone).inverse(), snat, dnat, now);
        c.mark(packet.ctMark());
        conntrack.confirm(c);
        connection = c;
    }

    // ---- TargetEnv ---------------------------------------------------------------------

    @Override
    public void nat(NatTarget t) {
        Packet p = packet;
        int ports = p.proto() == Packet.TCP || p.proto() == Packet.UDP ? t.portMin() : 0;
        switch (t.kind()) {
            case DNAT -> packet = p.withAddresses(p.src(), p.sport(), t.addrMin() != 0 ? t.addrMin() : p.dst(),
                    ports != 0 ? ports : p.dport());
            case REDIRECT -> {
                int to = hook == Hook.OUTPUT ? 0x7f000001 : addresses.primary(p.in());
                packet = p.withAddresses(p.src(), p.sport(), to, ports != 0 ? ports : p.dport());
            }
            case SNAT -> packet = p.withAddresses(t.addrMin() != 0 ? t.addrMin() : p.src(),
                    ports != 0 ? ports : p.sport(), p.dst(), p.dport());
            case MASQUERADE -> packet = p.withAddresses(addresses.primary(p.out()),
                    ports != 0 ? ports : p.sport(), p.dst(), p.dport());
        }
        natDone = true;
        int bit = t.kind().source() ? CtState.SNAT : CtState.DNAT;
        packet = packet.withConntrack(packet.ctState() | bit, packet.ctZone(), packet.ctMark());
    }

    @Override
    public void conntrackTemplate(int newZone, boolean untracked) {
        if (untracked) {
            notrack = true;
        } else {
            zone = newZone;
        }
    }

    @Override
    public void connmark(int mark) {
        packet = packet.withConntrack(packet.ctState(), packet.ctZone(), mark);
        if (connection != null && live) {
            connection.mark(mark);
        }
    }
}
