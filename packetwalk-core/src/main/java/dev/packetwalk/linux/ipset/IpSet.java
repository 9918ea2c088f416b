package dev.packetwalk.linux.ipset;

import dev.packetwalk.net.Clock;
import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ipset: its type and creation options and its members (with per-member timeouts on the
 * host's clock). Membership tests do not allocate.
 */
public final class IpSet {
    private final String name;
    private final IpSetType type;
    private final int hashsize;
    private final int maxelem;
    private final int timeout;
    private final int initval;
    private final Clock clock;
    private final Map<Long, Entry> members = new LinkedHashMap<>();
    private final LongLongMap expiry = new LongLongMap();
    private final int[] prefixCounts = new int[33];

    IpSet(String name, IpSetType type, int hashsize, int maxelem, int timeout, Clock clock) {
        this(name, type, hashsize, maxelem, timeout, clock, name.hashCode() * 0x9E3779B9);
    }

    private IpSet(String name, IpSetType type, int hashsize, int maxelem, int timeout, Clock clock,
                  int initval) {
        this.name = name;
        this.type = type;
        this.hashsize = hashsize;
        this.maxelem = maxelem;
        this.timeout = timeout;
        this.initval = initval;
        this.clock = clock;
    }

    /** The same set (members shared) under another name, for swap. */
    IpSet renamed(String newName) {
        if (newName.equals(name)) {
            return this;
        }
        IpSet s = new IpSet(newName, type, hashsize, maxelem, timeout, clock, initval);
        s.members.putAll(members);
        for (Entry e : members.values()) {
            s.expiry.put(e.key(), expiry.get(e.key(), Long.MAX_VALUE));
            s.prefixCounts[e.prefix()]++;
        }
        return s;
    }

    public String name() {
        return name;
    }

    public IpSetType type() {
        return type;
    }

    public int hashsize() {
        return hashsize;
    }

    public int maxelem() {
        return maxelem;
    }

    /** The default member timeout in seconds, 0 when the set has none. */
    public int timeout() {
        return timeout;
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
        int header = type == IpSetType.HASH_NET ? 432 : 192;
        int regions = Math.max(1, hashsize >> 10);
        int perMember = timeout > 0 ? 64 : type == IpSetType.HASH_IP ? 40 : 48;
        return header + 24 * regions + perMember * members.size();
    }

    /** The live members in insertion order. */
    public List<Entry> members() {
        expire();
        return new ArrayList<>(members.values());
    }

    /** Seconds left for a member of a set with timeouts. */
    public long secondsLeft(Entry e) {
        long at = expiry.get(e.key(), Long.MAX_VALUE);
        return at == Long.MAX_VALUE ? 0 : Math.max(0, (at - clock.nanos()) / 1_000_000_000L);
    }

    private void expire() {
        long now = clock.nanos();
        members.values().removeIf(e -> {
            if (expiry.get(e.key(), Long.MAX_VALUE) <= now) {
                forget(e);
                return true;
            }
            return false;
        });
    }

    private void forget(Entry e) {
        expiry.remove(e.key());
        prefixCounts[e.prefix()]--;
    }

    /** Adds a member; {@code seconds} < 0 takes the set's default timeout. */
    public void add(Entry e, int seconds, boolean exist) {
        expire();
        long key = e.key();
        if (expiry.containsKey(key)) {
            if (!exist) {
                throw new IpSetException("Element cannot be added to the set: it's already added");
            }
        } else {
            if (members.size() >= maxelem) {
                throw new IpSetException("Hash is full, cannot add more elements");
            }
            members.put(key, e);
            prefixCounts[e.prefix()]++;
        }
        int t = seconds >= 0 ? seconds : timeout;
        expiry.put(key, t > 0 ? clock.nanos() + t * 1_000_000_000L : Long.MAX_VALUE);
    }

    public void delete(Entry e, boolean exist) {
        expire();
        if (members.remove(e.key()) == null) {
            if (!exist) {
                throw new IpSetException("Element cannot be deleted from the set: it's not added");
            }
            return;
        }
        forget(e);
    }

    public void flush() {
        members.clear();
        expiry.clear();
        java.util.Arrays.fill(prefixCounts, 0);
    }

    /** True when {@code e} (a host entry for hash:net) is a member. */
    public boolean test(Entry e) {
        if (type == IpSetType.HASH_NET && e.prefix() == 32) {
            return contains(e.addr(), 0, 0);
        }
        return live(e.key());
    }

    private boolean live(long key) {
        return expiry.get(key, Long.MIN_VALUE) > clock.nanos();
    }

    /** The packet-side lookup: address (and protocol/port for hash:ip,port). */
    public boolean contains(int addr, int proto, int port) {
        switch (type) {
            case HASH_IP:
                return live(Entry.key(addr, 32, 0, 0));
            case HASH_IP_PORT:
                return live(Entry.key(addr, 32, proto, port));
            default:
                for (int p = 32; p >= 0; p--) {
                    if (prefixCounts[p] > 0 && live(Entry.key(addr & Ipv4.maskOf(p), p, 0, 0))) {
                        return true;
                    }
                }
                return false;
        }
    }
}
