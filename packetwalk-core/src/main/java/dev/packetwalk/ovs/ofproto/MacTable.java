package dev.packetwalk.ovs.ofproto;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MAC learning table NORMAL uses ({@code ovs-appctl fdb/show}): (VLAN, MAC) → port, with
 * OVS's defaults of 8192 entries and 300 s aging. Entries are kept from least to most recently
 * used, the order {@code fdb/show} prints.
 */
public final class MacTable {
    public static final int DEFAULT_MAX_ENTRIES = 8192;
    public static final int DEFAULT_AGING_SECONDS = 300;

    /** One learned (or static) entry. */
    public static final class MacEntry {
        private final int vlan;
        private final long mac;
        private int port;
        private long usedNanos;
        private final boolean isStatic;

        MacEntry(int vlan, long mac, int port, long usedNanos, boolean isStatic) {
            this.vlan = vlan;
            this.mac = mac;
            this.port = port;
            this.usedNanos = usedNanos;
            this.isStatic = isStatic;
        }

        public int vlan() {
            return vlan;
        }

        public long mac() {
            return mac;
        }

        public int port() {
            return port;
        }

        public long usedNanos() {
            return usedNanos;
        }

        public boolean isStatic() {
            return isStatic;
        }
    }

    private final LinkedHashMap<Long, MacEntry> entries = new LinkedHashMap<>(16, 0.75f, false);
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private int agingSeconds = DEFAULT_AGING_SECONDS;

    private static long key(int vlan, long mac) {
        return ((long) vlan << 48) | mac;
    }

    public void configure(int maxEntries, int agingSeconds) {
        this.maxEntries = maxEntries;
        this.agingSeconds = Math.max(15, Math.min(3600, agingSeconds));
    }

    public int agingSeconds() {
        return agingSeconds;
    }

    public int maxEntries() {
        return maxEntries;
    }

    /** The port learned for (vlan, mac), or -1. Does not refresh the entry. */
    public int lookup(int vlan, long mac, long nowNanos) {
        MacEntry e = entries.get(key(vlan, mac));
        if (e == null || isExpired(e, nowNanos)) {
            return -1;
        }
        return e.port;
    }

    private boolean isExpired(MacEntry e, long nowNanos) {
        return !e.isStatic && nowNanos - e.usedNanos >= agingSeconds * 1_000_000_000L;
    }

    /**
     * Learns that {@code mac} is on {@code port} in {@code vlan} as OVS's mac_learning_update does:
     * nothing happens for a static entry, nor for a live entry on the same port refreshed less
     * than a second ago (unless the packet is a gratuitous ARP); otherwise the entry is
     * (re)inserted as most recently used. Returns true when this changed the table (a new entry
     * or a move).
     */
    public boolean learn(int vlan, long mac, int port, long nowNanos) {
        return learn(vlan, mac, port, nowNanos, false);
    }

    /** {@link #learn(int, long, int, long)} for a packet that may be a gratuitous ARP. */
    public boolean learn(int vlan, long mac, int port, long nowNanos, boolean gratuitousArp) {
        long k = key(vlan, mac);
        MacEntry e = entries.get(k);
        if (e != null && (e.isStatic || (!gratuitousArp && !isExpired(e, nowNanos) && e.port == port
                && nowNanos / 1_000_000_000L == e.usedNanos / 1_000_000_000L))) {
            return false;
        }
        entries.remove(k);
        boolean changed = e == null || e.port != port || isExpired(e, nowNanos);
        if (e == null) {
            if (entries.size() >= maxEntries) {
                Iterator<MacEntry> oldest = entries.values().iterator();
                oldest.next();
                oldest.remove();
            }
            e = new MacEntry(vlan, mac, port, nowNanos, false);
        }
        e.port = port;
        e.usedNanos = nowNanos;
        entries.put(k, e);
        return changed;
    }

    public void addStatic(int vlan, long mac, int port) {
        entries.remove(key(vlan, mac));
        entries.put(key(vlan, mac), new MacEntry(vlan, mac, port, 0, true));
    }

    public boolean delete(int vlan, long mac) {
        return entries.remove(key(vlan, mac)) != null;
    }

    public void flush() {
        entries.clear();
    }

    /** Forgets every entry on a port (the port was deleted). */
    public void forgetPort(int port) {
        entries.values().removeIf(e -> e.port == port);
    }

    /** Drops aged entries; returns the live ones from least to most recently used. */
    public List<MacEntry> entries(long nowNanos) {
        entries.values().removeIf(e -> isExpired(e, nowNanos));
        return new ArrayList<>(entries.values());
    }

    public Map<Long, MacEntry> view() {
        return java.util.Collections.unmodifiableMap(entries);
    }
}
