package dev.packetwalk.linux.neigh;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.NetlinkException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The IPv4 neighbour (ARP) table of one namespace. */
public final class NeighbourTable {
    private final Map<Long, Neighbour> entries = new LinkedHashMap<>();
    private java.util.function.UnaryOperator<Neighbour> ager;

    /**
     * Lets the packet path age entries (REACHABLE to STALE) before they are read: {@code aged}
     * returns the entry as it is now (itself when unchanged).
     */
    public void ager(java.util.function.UnaryOperator<Neighbour> aged) {
        this.ager = aged;
    }

    private Neighbour aged(Neighbour n) {
        if (n == null || ager == null) {
            return n;
        }
        Neighbour now = ager.apply(n);
        if (now != n) {
            entries.put(key(now.ifindex(), now.address()), now);
        }
        return now;
    }

    /** The key of an entry: device index and address in one long. */
    public static long key(int ifindex, int address) {
        return ((long) ifindex << 32) | (address & 0xffff_ffffL);
    }

    /** {@code ip neigh add}: fails with EEXIST when the entry exists. */
    public void add(Neighbour n) {
        if (entries.containsKey(key(n.ifindex(), n.address()))) {
            throw new NetlinkException(Errno.EEXIST);
        }
        entries.put(key(n.ifindex(), n.address()), n);
    }

    /** {@code ip neigh replace} and what ARP learning does: create or overwrite. */
    public void replace(Neighbour n) {
        entries.put(key(n.ifindex(), n.address()), n);
    }

    /** {@code ip neigh change}: ENOENT when the entry does not exist. */
    public void change(Neighbour n) {
        if (!entries.containsKey(key(n.ifindex(), n.address()))) {
            throw new NetlinkException(Errno.ENOENT);
        }
        entries.put(key(n.ifindex(), n.address()), n);
    }

    public void delete(int ifindex, int address) {
        if (entries.remove(key(ifindex, address)) == null) {
            throw new NetlinkException(Errno.ENOENT);
        }
    }

    /** The entry for {@code address} on {@code ifindex}, or null. */
    public Neighbour lookup(int ifindex, int address) {
        return aged(entries.get(key(ifindex, address)));
    }

    /** Removes the entries the flush selects (not PERMANENT or NOARP); returns how many. */
    public int flush(int ifindex) {
        int before = entries.size();
        entries.values().removeIf(n -> (ifindex == 0 || n.ifindex() == ifindex)
                && n.state() != NudState.PERMANENT && n.state() != NudState.NOARP);
        return before - entries.size();
    }

    /** Drops every entry of a device (it went down or away). */
    public void forgetDevice(int ifindex) {
        entries.values().removeIf(n -> n.ifindex() == ifindex);
    }

    public List<Neighbour> entries() {
        List<Neighbour> all = new ArrayList<>(entries.values());
        all.replaceAll(this::aged);
        return all;
    }
}
