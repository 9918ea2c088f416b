package dev.packetwalk.linux.link;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One net device in a namespace: index, name, kind, Ethernet address, MTU, administrative
 * state, and its relations (veth peer, bridge master and ports). Carrier and operational
 * state follow the kernel's rules for each kind.
 */
public final class NetDevice {
    private final LinkKind kind;
    private Links home;
    private int ifindex;
    private String name;
    private long mac;
    private boolean macSetByUser;
    private int mtu;
    private boolean up;
    private boolean everUp;
    private NetDevice peer;
    private NetDevice master;
    private final List<NetDevice> ports = new ArrayList<>();
    private boolean bridgeCarrier = true;
    private boolean carrierEvent;
    private boolean mtuSetByUser;
    private boolean everHadPort;
    private int portNo;
    private final int vni;
    private final BridgeFdb fdb;
    private RxHandler rxHandler;
    private TransmitHook transmitHook;
    private final DeviceStats stats = new DeviceStats();
    private int promiscuity;

    NetDevice(LinkKind kind, String name, long mac, int mtu, int vni) {
        this.kind = kind;
        // Interned: netfilter indexes rules by device name and compares names by identity first.
        this.name = name.intern();
        this.mac = mac;
        this.mtu = mtu;
        this.vni = vni;
        this.fdb = kind == LinkKind.BRIDGE ? new BridgeFdb() : null;
    }

    public LinkKind kind() {
        return kind;
    }

    public int ifindex() {
        return ifindex;
    }

    void place(Links links, int index) {
        this.home = links;
        this.ifindex = index;
    }

    /** The namespace's device list this device is in. */
    public Links home() {
        return home;
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName.intern();
    }

    public long mac() {
        return mac;
    }

    /** Sets the address as {@code ip link set DEV address MAC} does. */
    public void setMac(long newMac) {
        this.mac = newMac;
        this.macSetByUser = true;
        if (master != null) {
            master.recalculateBridgeMac();
        }
        // A bridge's new address re-runs its port state selection (carrier from live ports).
        portStateChanged();
    }

    public int mtu() {
        return mtu;
    }

    public void setMtu(int newMtu) {
        this.mtu = newMtu;
    }

    public boolean isUp() {
        return up;
    }

    /** Administrative up/down; returns true when it changed. */
    public boolean setUp(boolean wantUp) {
        if (up == wantUp) {
            return false;
        }
        up = wantUp;
        everUp |= wantUp;
        if (master != null) {
            master.portStateChanged();
        }
        return true;
    }

    /** The qdisc {@code ip link} shows: noop until the device was first up. */
    public String qdisc() {
        return everUp ? kind.qdisc() : "noop";
    }

    public NetDevice peer() {
        return peer;
    }

    static void pair(NetDevice a, NetDevice b) {
        a.peer = b;
        b.peer = a;
    }

    void unpair() {
        peer = null;
    }

    public NetDevice master() {
        return master;
    }

    /** The VXLAN network identifier, for vxlan devices. */
    public int vni() {
        return vni;
    }

    /** The learning table, for bridges (null otherwise). */
    public BridgeFdb fdb() {
        return fdb;
    }

    /** The handler frames received on this device go to (set when it is enslaved elsewhere), or null. */
    public RxHandler rxHandler() {
        return rxHandler;
    }

    public void rxHandler(RxHandler handler) {
        this.rxHandler = handler;
    }

    /** Where frames this device transmits go when its far side is outside the kernel, or null. */
    public TransmitHook transmitHook() {
        return transmitHook;
    }

    public void transmitHook(TransmitHook hook) {
        this.transmitHook = hook;
    }

    /** How many users asked for promiscuous mode (dev_set_promiscuity); IFF_PROMISC while above 0. */
    public int promiscuity() {
        return promiscuity;
    }

    /** Adds {@code inc} (+1 or -1) to the promiscuity count, as dev_set_promiscuity does. */
    public void changePromiscuity(int inc) {
        promiscuity = Math.max(0, promiscuity + inc);
    }

    /** The device's packet and byte counters ({@code ip -s link}). */
    public DeviceStats stats() {
        return stats;
    }

    /** Bridge ports, by name (as brctl lists them). */
    public List<NetDevice> ports() {
        List<NetDevice> list = new ArrayList<>(ports);
        list.sort(Comparator.comparing(NetDevice::name));
        return Collections.unmodifiableList(list);
    }

    /** Enslaves {@code port} to this bridge. */
    public void addPort(NetDevice port) {
        int no = 1;
        while (hasPortNo(no)) {
            no++;
        }
        port.portNo = no;
        ports.add(port);
        port.master = this;
        everHadPort = true;
        recalculateBridgeMac();
        portStateChanged();
        adjustBridgeMtu();
    }

    private boolean hasPortNo(int no) {
        for (NetDevice p : ports) {
            if (p.portNo == no) {
                return true;
            }
        }
        return false;
    }

    /** A bridge port's number (the lowest free one when it was added; 0 when not a port). */
    public int portNo() {
        return portNo;
    }

    /** Whether a port was ever enslaved (a bridge's TSO limit is recomputed from then on). */
    public boolean everHadPort() {
        return everHadPort;
    }

    /** Marks a bridge's MTU as chosen by hand: it no longer follows its ports. */
    public void setMtuSetByUser() {
        mtuSetByUser = true;
    }

    /** br_mtu_auto_adjust: a bridge takes its smallest port MTU (1500 without ports). */
    public void adjustBridgeMtu() {
        if (kind != LinkKind.BRIDGE || mtuSetByUser) {
            return;
        }
        int min = 0;
        for (NetDevice p : ports) {
            if (min == 0 || p.mtu < min) {
                min = p.mtu;
            }
        }
        mtu = min == 0 ? 1500 : min;
    }

    public void removePort(NetDevice port) {
        ports.remove(port);
        port.master = null;
        port.portNo = 0;
        if (fdb != null) {
            fdb.forgetPort(port.ifindex);
        }
        recalculateBridgeMac();
        portStateChanged();
        adjustBridgeMtu();
    }

    /** The bridge id's address: the one set by hand, else the lowest port address, else 0. */
    public long bridgeIdMac() {
        if (macSetByUser) {
            return mac;
        }
        long min = -1;
        for (NetDevice p : ports) {
            if (min < 0 || p.mac < min) {
                min = p.mac;
            }
        }
        return Math.max(min, 0);
    }

    private void recalculateBridgeMac() {
        if (kind == LinkKind.BRIDGE && !macSetByUser && (!ports.isEmpty() || carrierEvent)) {
            mac = bridgeIdMac();
        }
    }

    /** Re-runs a bridge's port state selection (a port's carrier may have changed). */
    public void portStateChanged() {
        if (kind != LinkKind.BRIDGE) {
            return;
        }
        boolean live = false;
        for (NetDevice p : ports) {
            live |= p.isRunning();
        }
        bridgeCarrier = live;
        carrierEvent = true;
    }

    /** Carrier as the kernel reports it (IFF_LOWER_UP when the device is up). */
    public boolean carrier() {
        return switch (kind) {
            case LOOPBACK, DUMMY, VXLAN, INTERNAL, ETHERNET -> true;
            case VETH -> peer != null && peer.up;
            case BRIDGE -> bridgeCarrier;
            case TUN -> false;
        };
    }

    /** Up with carrier (IFF_RUNNING). */
    public boolean isRunning() {
        return up && carrier();
    }

    public OperState operState() {
        if (!up) {
            return OperState.DOWN;
        }
        return switch (kind) {
            case LOOPBACK, DUMMY, VXLAN, INTERNAL -> OperState.UNKNOWN;
            case VETH -> carrier() ? OperState.UP : OperState.LOWERLAYERDOWN;
            case BRIDGE -> !carrierEvent ? OperState.UNKNOWN
                    : carrier() ? OperState.UP : OperState.DOWN;
            case TUN, ETHERNET -> carrier() ? OperState.UP : OperState.DOWN;
        };
    }

    @Override
    public String toString() {
        return ifindex + ": " + name;
    }
}
