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

    private final Map<Long, Entry> entries = new LinkedHashMap<>();

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
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }
}
