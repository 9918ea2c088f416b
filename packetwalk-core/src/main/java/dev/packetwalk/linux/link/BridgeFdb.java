package dev.packetwalk.linux.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Linux bridge's forwarding database: learned (and static) MAC → port entries. */
public final class BridgeFdb {
    /** One entry: the address, the port's ifindex, and whether it was added by hand. */
    public record Entry(long mac, int portIndex, boolean permanent) {
    }

    /** The kernel's default ageing time (br->ageing_time, 300 s). */
    public static final long AGEING_NANOS = 300_000_000_000L;

    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final Map<Long, Long> seenAt = new LinkedHashMap<>();

    /** Learning on the packet path: {@code mac} seen on {@code portIndex} at {@code nowNanos}. */
    public void learn(long mac, int portIndex, long nowNanos) {
        Entry e = entries.get(mac);
        if (e == null || !e.permanent()) {
            entries.put(mac, new Entry(mac, portIndex, false));
            seenAt.put(mac, nowNanos);
        }
    }

    /** The port {@code mac} was learned on, or 0 when unknown or aged out at {@code nowNanos}. */
    public int portOf(long mac, long nowNanos) {
        Entry e = entries.get(mac);
        if (e == null) {
            return 0;
        }
        Long seen = seenAt.get(mac);
        if (!e.permanent() && seen != null && nowNanos - seen > AGEING_NANOS) {
            entries.remove(mac);
            seenAt.remove(mac);
            return 0;
        }
        return e.portIndex();
    }

    /** Seconds since {@code mac} was last seen (0 for static entries), as brctl showmacs prints. */
    public double ageSeconds(long mac, long nowNanos) {
        Long seen = seenAt.get(mac);
        return seen == null ? 0 : (nowNanos - seen) / 1e9;
    }

    /** Records that {@code mac} was seen on the port with {@code portIndex}. */
    public void learn(long mac, int portIndex) {
        Entry e = entries.get(mac);
        if (e == null || !e.permanent()) {
            entries.put(mac, new Entry(mac, portIndex, false));
        }
    }

    public void addStatic(long mac, int portIndex) {
        entries.put(mac, new Entry(mac, portIndex, true));
    }

    /** The port index {@code mac} was learned on, or 0 when unknown (flood). */
    public int portOf(long mac) {
        Entry e = entries.get(mac);
        return e == null ? 0 : e.portIndex();
    }

    void forgetPort(int portIndex) {
        entries.values().removeIf(e -> e.portIndex() == portIndex);
        seenAt.keySet().retainAll(entries.keySet());
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }
}
