package dev.packetwalk.linux.route;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.NetlinkException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * One IPv4 routing table, as the kernel's fib trie behaves: longest prefix first, and at one
 * prefix the aliases in order of TOS (higher first) and metric (lower first). Each prefix
 * length has its own hash map, so a lookup costs at most one probe per prefix length in use.
 */
public final class RouteTable {
    private final int id;
    private final long createdSeq;
    private final PrefixBuckets[] byLength = new PrefixBuckets[33];
    /**
     * Per prefix length, a bit per value of the destination's top 16 bits that some route of
     * that length has: most lengths are ruled out by one bit test instead of a hash probe.
     * Bits are never cleared on removal; a stale bit only costs a probe.
     */
    private final long[][] top16 = new long[33][];
    /** Bit {@code n} is set when some route has prefix length {@code n}. */
    private long lengths;
    /**
     * Built once the table is large: per /16 block of destinations, the prefix lengths with a
     * route that can cover an address in that block (stale bits after removals only cost a probe).
     */
    private long[] byBlock;
    private static final int BLOCK_INDEX_MIN = 256;
    private int size;

    RouteTable(int id, long createdSeq) {
        this.id = id;
        this.createdSeq = createdSeq;
    }

    public int id() {
        return id;
    }

    long createdSeq() {
        return createdSeq;
    }

    public int size() {
        return size;
    }

    /** Adds {@code route} (whose table must be this one) following the request's flags. */
    public void insert(Route route, InsertMode mode) {
        int len = route.prefixLength();
        Route[] list = bucket(len).get(route.dst());
        int first = findAlias(list, route.tos(), route.metric());
        boolean sameRun = first < list.length && list[first].tos() == route.tos()
                && list[first].metric() == route.metric();
        int at = first;
        if (sameRun) {
            if (mode == InsertMode.ADD) {
                throw new NetlinkException(Errno.EEXIST);
            }
            if (mode == InsertMode.REPLACE || mode == InsertMode.CHANGE) {
                Route[] copy = list.clone();
                copy[first] = route;
                byLength[len].put(route.dst(), copy);
                return;
            }
            int end = first;
            while (end < list.length && list[end].tos() == route.tos()
                    && list[end].metric() == route.metric()) {
                if (list[end].sameInfo(route)) {
                    throw new NetlinkException(Errno.EEXIST);
                }
                end++;
            }
            at = mode == InsertMode.APPEND ? end : first;
        } else if (mode == InsertMode.CHANGE) {
            throw new NetlinkException(Errno.ENOENT);
        }
        Route[] grown = new Route[list.length + 1];
        System.arraycopy(list, 0, grown, 0, at);
        grown[at] = route;
        System.arraycopy(list, at, grown, at + 1, list.length - at);
        byLength[len].put(route.dst(), grown);
        if (top16[len] == null) {
            top16[len] = new long[1024];
        }
        int bit = route.dst() >>> 16;
        top16[len][bit >>> 6] |= 1L << bit;
        lengths |= 1L << len;
        size++;
        indexBlock(byBlock, route.dst(), len);
    }

    private static void indexBlock(long[] index, int dst, int len) {
        if (index == null) {
            return;
        }
        int first = dst >>> 16;
        int count = len >= 16 ? 1 : 1 << (16 - len);
        for (int b = first; b < first + count; b++) {
            index[b] |= 1L << len;
        }
    }

    /** The prefix lengths worth probing for {@code daddr}: a superset of those that can match. */
    long candidates(int daddr) {
        long[] index = byBlock;
        if (index == null) {
            if (size < BLOCK_INDEX_MIN) {
                return lengths;
            }
            index = new long[1 << 16];
            for (int len = 0; len <= 32; len++) {
                if (byLength[len] != null) {
                    for (int key : byLength[len].keys()) {
                        indexBlock(index, key, len);
                    }
                }
            }
            byBlock = index;
        }
        return index[daddr >>> 16] & lengths;
    }

    /** The kernel's fib_find_alias: the first alias not ordered before (tos, metric). */
    private static int findAlias(Route[] list, int tos, int metric) {
        for (int i = 0; i < list.length; i++) {
            Route fa = list[i];
            if (fa.tos() > tos) {
                continue;
            }
            if (Integer.compareUnsigned(fa.metric(), metric) >= 0 || fa.tos() < tos) {
                return i;
            }
        }
        return list.length;
    }

    /** Deletes the first route the selector names; ESRCH when there is none. */
    public Route delete(RouteSelector sel) {
        int len = sel.prefixLength();
        Route[] list = byLength[len] == null ? new Route[0] : byLength[len].get(sel.dst());
        for (int i = 0; i < list.length; i++) {
            Route r = list[i];
            if (r.tos() != sel.tos()) {
                continue;
            }
            if (sel.matches(r)) {
                removeAt(len, r.dst(), list, i);
                return r;
            }
        }
        throw new NetlinkException(Errno.ESRCH);
    }

    private void removeAt(int len, int key, Route[] list, int i) {
        Route[] shrunk = new Route[list.length - 1];
        System.arraycopy(list, 0, shrunk, 0, i);
        System.arraycopy(list, i + 1, shrunk, i, list.length - i - 1);
        byLength[len].put(key, shrunk);
        if (byLength[len].size() == 0) {
            lengths &= ~(1L << len);
        }
        size--;
    }

    /** Removes every route the predicate accepts; returns how many. */
    public int removeIf(Predicate<Route> doomed) {
        int removed = 0;
        for (int len = 0; len <= 32; len++) {
            if (byLength[len] == null) {
                continue;
            }
            for (int key : byLength[len].keys()) {
                Route[] list = byLength[len].get(key);
                Route[] kept = Arrays.stream(list).filter(doomed.negate()).toArray(Route[]::new);
                if (kept.length != list.length) {
                    removed += list.length - kept.length;
                    size -= list.length - kept.length;
                    byLength[len].put(key, kept);
                }
            }
            if (byLength[len].size() == 0) {
                lengths &= ~(1L << len);
            }
        }
        return removed;
    }

    /**
     * The kernel's fib_table_lookup. Returns null and fills {@code out} when a route matched;
     * {@link Errno#EAGAIN} when none did; the route type's error for reject routes.
     */
    public Errno lookup(int daddr, int tos, int flowScope, int oif, FibResult out) {
        long todo = candidates(daddr);
        while (todo != 0) {
            int len = 63 - Long.numberOfLeadingZeros(todo);
            todo &= ~(1L << len);
            Errno e = lookupLength(len, daddr, tos, flowScope, oif, out);
            if (e != MISS) {
                return e;
            }
        }
        return Errno.EAGAIN;
    }

    /**
     * What {@link #lookupLength} returns when no route of that length applies (the search
     * goes on with shorter prefixes); distinct from EAGAIN, which a throw route returns.
     */
    static final Errno MISS = Errno.ESRCH;

    /** The prefix lengths in use, as a bit set (bit n for /n). */
    long lengths() {
        return lengths;
    }

    /** The lookup restricted to one prefix length: null, an error, or {@link #MISS}. */
    Errno lookupLength(int len, int daddr, int tos, int flowScope, int oif, FibResult out) {
        PrefixBuckets b = byLength[len];
        if (b == null) {
            return MISS;
        }
        int key = len == 0 ? 0 : daddr & (-1 << (32 - len));
        int bit = key >>> 16;
        if ((top16[len][bit >>> 6] & (1L << bit)) == 0) {
            return MISS;
        }
        Route[] list = b.get(key);
        for (Route r : list) {
            if (r.tos() != 0 && r.tos() != tos) {
                continue;
            }
            if (r.scope() < flowScope) {
                continue;
            }
            Errno reject = r.type().error();
            if (reject != null) {
                return reject;
            }
            if (oif != 0 && r.oif() != oif) {
                continue;
            }
            out.route = r;
            out.table = id;
            return null;
        }
        return MISS;
    }

    /** The routes in dump order: destination ascending, longer prefixes first, alias order. */
    public List<Route> routes() {
        List<long[]> keys = new ArrayList<>();
        for (int len = 0; len <= 32; len++) {
            if (byLength[len] == null) {
                continue;
            }
            for (int key : byLength[len].keys()) {
                keys.add(new long[] {Integer.toUnsignedLong(key), len});
            }
        }
        keys.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        List<Route> out = new ArrayList<>(size);
        for (long[] k : keys) {
            out.addAll(Arrays.asList(byLength[(int) k[1]].get((int) k[0])));
        }
        return out;
    }

    private PrefixBuckets bucket(int len) {
        if (byLength[len] == null) {
            byLength[len] = new PrefixBuckets();
        }
        return byLength[len];
    }

    @Override
    public String toString() {
        return "RouteTable " + RouteTables.name(id) + " (" + size + " routes)";
    }
}
