package dev.packetwalk.linux.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The net devices of one namespace: by name, by index, and in the kernel's device-list order
 * (creation or arrival order, which source-address selection walks). Indexes are allocated
 * per namespace, cyclically from the last one given, as the kernel's dev_index_reserve does.
 */
public final class Links {
    private final Map<String, NetDevice> byName = new LinkedHashMap<>();
    private final TreeMap<Integer, NetDevice> byIndex = new TreeMap<>();
    private final List<NetDevice> order = new ArrayList<>();
    private int nextIndex = 1;
    private final Object owner;

    /** {@code owner} is the namespace these links belong to (opaque here). */
    public Links(Object owner) {
        this.owner = owner;
    }

    public Object owner() {
        return owner;
    }

    public NetDevice byName(String name) {
        return byName.get(name);
    }

    public NetDevice byIndex(int ifindex) {
        return byIndex.get(ifindex);
    }

    /** The index of the device called {@code name}, or -1. */
    public int indexOf(String name) {
        NetDevice d = byName.get(name);
        return d == null ? -1 : d.ifindex();
    }

    /** Devices by index, as {@code ip link} lists them. */
    public List<NetDevice> all() {
        return new ArrayList<>(byIndex.values());
    }

    /** Devices in the kernel's list order (lo first). */
    public List<NetDevice> inListOrder() {
        return new ArrayList<>(order);
    }

    /** Creates a device of {@code kind} and registers it with the next free index. */
    public NetDevice create(LinkKind kind, String name, long mac, int mtu, int vni) {
        NetDevice d = new NetDevice(kind, name, mac, mtu, vni);
        attach(d, 0);
        return d;
    }

    /** Creates a veth pair; the peer is registered first, as the kernel does. */
    public static NetDevice[] createVethPair(Links here, String name, long mac,
                                             Links peerHome, String peerName, long peerMac) {
        NetDevice peer = new NetDevice(LinkKind.VETH, peerName, peerMac, 1500, 0);
        NetDevice dev = new NetDevice(LinkKind.VETH, name, mac, 1500, 0);
        NetDevice.pair(dev, peer);
        peerHome.attach(peer, 0);
        here.attach(dev, 0);
        return new NetDevice[] {dev, peer};
    }

    /** Registers a device arriving in this namespace, keeping {@code wanted} if it is free. */
    public void attach(NetDevice d, int wanted) {
        int index = wanted > 0 && !byIndex.containsKey(wanted) ? wanted : allocateIndex();
        d.place(this, index);
        byName.put(d.name(), d);
        byIndex.put(index, d);
        order.add(d);
    }

    private int allocateIndex() {
        int i = nextIndex;
        while (byIndex.containsKey(i)) {
            i++;
        }
        nextIndex = i + 1;
        return i;
    }

    /** Removes a device from this namespace's lists (deletion or departure). */
    public void detach(NetDevice d) {
        byName.remove(d.name());
        byIndex.remove(d.ifindex());
        order.remove(d);
    }

    public void rename(NetDevice d, String newName) {
        byName.remove(d.name());
        d.rename(newName);
        byName.put(newName, d);
    }

    /** Marks a pair's ends as unpaired (one end was destroyed). */
    public static void unpair(NetDevice d) {
        d.unpair();
    }
}
