package dev.packetwalk.linux.ipset;

import dev.packetwalk.net.Clock;
import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ipset: its type and creation options and its members (with per-member timeouts on the
 * host's clock). Packet lookups ({@link #contains}) do not allocate.
 */
public final class IpSet {
    private static final long FOREVER = Long.MAX_VALUE;

    private final String name;
    private final IpSetType type;
    private final IpSetOptions options;
    private final int initval;
    private final boolean inet;
    private final Clock clock;
    /** The members in insertion order, each with the moment it expires (FOREVER: never). */
    private final Map<Entry, Long> members = new LinkedHashMap<>();
    /** No member expires before this moment (FOREVER when none has a timeout): expiry scans only when due. */
    private long nextExpiry = FOREVER;
    /** The IPv4 members by {@link Entry#key}, with the same moments: the packet path's index. */
    private final LongLongMap index = new LongLongMap();
    /** How many members have each prefix length (the hash:net lookup tries only those). */
    private final int[] prefixCounts;

    IpSet(String name, IpSetType type, IpSetOptions options, Clock clock) {
        this(name, type, options, clock, name.hashCode() * 0x9E3779B9);
    }

    private IpSet(String name, IpSetType type, IpSetOptions options, Clock clock, int initval) {
        this.name = name;
        this.type = type;
        this.options = options;
        this.initval = initval;
        this.inet = options.family() == IpSetFamily.INET;
        this.clock = clock;
        this.prefixCounts = new int[options.family().bits() + 1];
    }

    /** The same set (members shared) under another name, for swap. */
    IpSet renamed(String newName) {
        if (newName.equals(name)) {
            return this;
        }
        IpSet s = new IpSet(newName, type, options, clock, initval);
        members.forEach(s::put);
        return s;
    }

    public String name() {
        return name;
    }

    public IpSetType type() {
        return type;
    }

    public IpSetOptions options() {
        return options;
    }

    public IpSetFamily family() {
        return options.family();
    }

    public int hashsize() {
        return options.hashsize();
    }

    public int maxelem() {
        return options.maxelem();
    }

    /** The default member timeout in seconds, 0 when the set has none. */
    public int timeout() {
        return options.timeout();
    }

    public int initval() {
        return initval;
    }

    /**
     * "Size in memory" as the kernel reports it when no two members share a hash bucket: the
     * set header, its lock regions (one per 1024 buckets) and one bucket per member. Bucket
     * sharing depends on the kernel's random hash seed, so larger sets can differ.
     */
    public int memorySize() {
        expire();
        int regions = Math.max(1, hashsize() >> 10);
        return type.headerSize(family()) + 24 * regions
                + type.memberSize(family(), timeout() > 0) * members.size();
    }

    /** The live members in insertion order. */
    public List<Entry> members() {
        expire();
        return new ArrayList<>(members.keySet());
    }

    /** Seconds left for a member of a set with timeouts. */
    public long secondsLeft(Entry e) {
        Long at = members.get(e);
        return at == null || at == FOREVER ? 0 : Math.max(0, (at - clock.nanos()) / 1_000_000_000L);
    }

    private void expire() {
        long now = clock.nanos();
        if (now < nextExpiry) {
            return;
        }
        nextExpiry = FOREVER;
        for (Iterator<Map.Entry<Entry, Long>> it = members.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Entry, Long> m = it.next();
            if (m.getValue() <= now) {
                it.remove();
                forget(m.getKey());
            } else {
                nextExpiry = Math.min(nextExpiry, m.getValue());
            }
        }
    }

    private void put(Entry e, long until) {
        nextExpiry = Math.min(nextExpiry, until);
        if (members.put(e, until) == null) {
            prefixCounts[e.prefix()]++;
        }
        if (e.family() == IpSetFamily.INET) {
            index.put(e.key(), until);
        }
    }

    private void forget(Entry e) {
        if (e.family() == IpSetFamily.INET) {
            index.remove(e.key());
        }
        prefixCounts[e.prefix()]--;
    }

    /** Refuses a member this set cannot hold, as ipset does when it reads one. */
    private void fits(Entry e) {
        if (e.family() != family()) {
            throw new IpSetException("Syntax error: cannot parse " + e.address() + ": resolving to "
                    + (family() == IpSetFamily.INET ? "IPv4" : "IPv6") + " address failed");
        }
        if (type != IpSetType.HASH_NET && !e.host()) {
            throw new IpSetException("Syntax error: plain IP address must be supplied: " + e.address());
        }
        if ((type == IpSetType.HASH_IP_PORT) != (e.proto() != 0)) {
            throw new IpSetException(type == IpSetType.HASH_IP_PORT
                    ? "Syntax error: Second element is missing from " + e.address() + "."
                    : "Syntax error: Elem separator in " + e.text(IpSetType.HASH_IP_PORT) + ", but settype "
                            + type.text() + " supports none.");
        }
    }

    /** Adds a member; {@code seconds} < 0 takes the set's default timeout. */
    public void add(Entry e, int seconds, boolean exist) {
        fits(e);
        expire();
        if (members.containsKey(e)) {
            if (!exist) {
                throw new IpSetException("Element cannot be added to the set: it's already added");
            }
        } else if (members.size() >= maxelem()) {
            throw new IpSetException("Hash is full, cannot add more elements");
        }
        int t = seconds >= 0 ? seconds : timeout();
        put(e, t > 0 ? clock.nanos() + t * 1_000_000_000L : FOREVER);
    }

    /** Adds a member for good (or for the set's default timeout), as "ipset -exist add" does. */
    public void add(Entry e) {
        add(e, -1, true);
    }

    public void delete(Entry e, boolean exist) {
        fits(e);
        expire();
        if (members.remove(e) == null) {
            if (!exist) {
                throw new IpSetException("Element cannot be deleted from the set: it's not added");
            }
            return;
        }
        forget(e);
    }

    /** Deletes a member if it is there, as "ipset -exist del" does. */
    public void delete(Entry e) {
        delete(e, true);
    }

    public void flush() {
        members.clear();
        index.clear();
        Arrays.fill(prefixCounts, 0);
    }

    /** True when {@code e} is a member; for hash:net a host is in any network that holds it. */
    public boolean test(Entry e) {
        fits(e);
        long now = clock.nanos();
        if (type == IpSetType.HASH_NET && e.host()) {
            for (int p = e.prefix(); p > 0; p--) {
                if (prefixCounts[p] > 0 && live(new Entry(e.family(), e.hi(), e.lo(), p, 0, 0), now)) {
                    return true;
                }
            }
            return false;
        }
        return live(e, now);
    }

    private boolean live(Entry e, long now) {
        Long at = members.get(e);
        return at != null && at > now;
    }

    private boolean live(long key) {
        return index.get(key, Long.MIN_VALUE) > clock.nanos();
    }

    /**
     * The packet-side lookup of an IPv4 packet: address (and protocol/port for hash:ip,port).
     * An inet6 set holds no IPv4 address.
     */
    public boolean contains(int addr, int proto, int port) {
        if (!inet) {
            return false;
        }
        switch (type) {
            case HASH_IP:
                return live(Entry.key(addr, 32, 0, 0));
            case HASH_IP_PORT:
                return live(Entry.key(addr, 32, proto, port));
            default:
                for (int p = 32; p > 0; p--) {
                    if (prefixCounts[p] > 0 && live(Entry.key(addr & Ipv4.maskOf(p), p, 0, 0))) {
                        return true;
                    }
                }
                return false;
        }
    }
}
