package dev.packetwalk.linux;

import dev.packetwalk.linux.addr.InetAddress;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.Links;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.route.Scope;

import java.util.ArrayList;
import java.util.List;

/**
 * Device lifecycle in one namespace with the kernel's side effects: a device going down
 * loses its routes (but not its IPv4 addresses) and its IPv6 link-local address; a device
 * moved to another namespace goes down and loses its addresses; deleting one end of a veth
 * pair deletes the other; bridge ports follow their master.
 */
public final class DeviceChanges {
    public static final int MIN_MTU = 68;
    public static final int MAX_MTU = 65535;

    private final Namespace ns;

    DeviceChanges(Namespace ns) {
        this.ns = ns;
    }

    private void checkFree(Namespace where, String name) {
        if (where.links().byName(name) != null) {
            throw new NetlinkException(Errno.EEXIST);
        }
    }

    /** Creates a device; {@code mac} null means a generated address. */
    public NetDevice create(LinkKind kind, String name, Long mac, int vni) {
        checkFree(ns, name);
        long addr = kind.isEther() ? (mac != null ? mac : ns.kernel().nextMac()) : 0;
        NetDevice d = ns.links().create(kind, name, addr, 1500, 0 + vni);
        if (mac != null) {
            d.setMac(mac);
        }
        registered(ns, d);
        return d;
    }

    /** Creates a veth pair, the peer possibly in another namespace. Returns {dev, peer}. */
    public NetDevice[] createVeth(String name, Long mac, String peerName, Long peerMac,
                                  Namespace peerNs) {
        checkFree(ns, name);
        checkFree(peerNs, peerName);
        if (peerNs == ns && name.equals(peerName)) {
            throw new NetlinkException(Errno.EEXIST);
        }
        long peerAddr = peerMac != null ? peerMac : ns.kernel().nextMac();
        long addr = mac != null ? mac : ns.kernel().nextMac();
        NetDevice[] pair = Links.createVethPair(ns.links(), name, addr, peerNs.links(), peerName,
                peerAddr);
        if (mac != null) {
            pair[0].setMac(mac);
        }
        if (peerMac != null) {
            pair[1].setMac(peerMac);
        }
        registered(peerNs, pair[1]);
        registered(ns, pair[0]);
        if (peerNs != ns) {
            ns.peerId(peerNs, true);
            peerNs.peerId(ns, true);
        }
        return pair;
    }

    private static void registered(Namespace where, NetDevice d) {
        where.sysctls().addDevice(d.name());
        where.fib().rules().resolveDevices(where.links()::indexOf);
    }

    /** Sets the administrative state, as {@code ip link set DEV up|down}. */
    public void setUp(NetDevice d, boolean up) {
        if (!d.setUp(up)) {
            return;
        }
        NetDevice peer = d.peer();
        if (peer != null && peer.master() != null) {
            peer.master().portStateChanged();
        }
        if (up) {
            if (d.kind() == LinkKind.LOOPBACK && ns.addresses().ipv4(d.ifindex()).isEmpty()) {
                ns.addresses().add(new InetAddress(d.ifindex(), 0x7f000001, 8, 0, Scope.HOST,
                        d.name(), false));
            }
            ns.addressing().deviceUp(d);
        } else {
            ns.routing().flushDevice(d.ifindex(), false);
            ns.addresses().flushIpv6(d.ifindex());
            ns.addresses().setIpv6Ready(d.ifindex(), false);
            ns.neighbours().forgetDevice(d.ifindex());
        }
        // addrconf sees the device's own NETDEV_UP before the carrier changes it causes.
        ns.addressing().ensureIpv6(d);
        refreshLinkLocal();
    }

    /** Gives running devices their IPv6 link-local (or ::1) address, as addrconf does. */
    void refreshLinkLocal() {
        for (Namespace n : affected()) {
            for (NetDevice d : n.links().all()) {
                n.addressing().ensureIpv6(d);
            }
        }
    }

    private List<Namespace> affected() {
        List<Namespace> list = new ArrayList<>();
        list.add(ns);
        for (NetDevice d : ns.links().all()) {
            if (d.peer() != null && !list.contains(ns(d.peer()))) {
                list.add(ns(d.peer()));
            }
        }
        return list;
    }

    /** The namespace a device lives in. */
    public static Namespace ns(NetDevice d) {
        return (Namespace) d.home().owner();
    }

    /** Deletes a device (and a veth's peer). */
    public void delete(NetDevice d) {
        NetDevice peer = d.peer();
        destroy(d);
        if (peer != null) {
            ns(peer).devices().destroy(peer);
            ns(peer).devices().refreshLinkLocal();
        }
        refreshLinkLocal();
    }

    private void destroy(NetDevice d) {
        if (d.master() != null) {
            d.master().removePort(d);
        }
        for (NetDevice port : d.ports()) {
            d.removePort(port);
        }
        d.setUp(false);
        ns.routing().flushDevice(d.ifindex(), true);
        ns.addressing().forgetDevice(d);
        ns.addresses().setIpv6Ready(d.ifindex(), false);
        ns.neighbours().forgetDevice(d.ifindex());
        ns.links().detach(d);
        ns.sysctls().removeDevice(d.name());
        ns.fib().rules().resolveDevices(ns.links()::indexOf);
    }

    /** Destroys every device (the namespace is going away). */
    void destroyAll() {
        for (NetDevice d : ns.links().all()) {
            if (ns.links().byIndex(d.ifindex()) == d) {
                delete(d);
            }
        }
    }

    /** Moves a device to {@code target}, as {@code ip link set DEV netns NS}. */
    public void move(NetDevice d, Namespace target) {
        if (target == ns) {
            return;
        }
        checkFree(target, d.name());
        if (d.master() != null) {
            d.master().removePort(d);
        }
        setUp(d, false);
        ns.routing().flushDevice(d.ifindex(), true);
        ns.addressing().forgetDevice(d);
        ns.addresses().setIpv6Ready(d.ifindex(), false);
        ns.links().detach(d);
        ns.sysctls().removeDevice(d.name());
        ns.fib().rules().resolveDevices(ns.links()::indexOf);
        target.links().attach(d, d.ifindex());
        registered(target, d);
        ns.peerId(target, true);
        if (d.peer() != null && ns(d.peer()) != target) {
            target.peerId(ns(d.peer()), true);
        }
        refreshLinkLocal();
    }

    /** Enslaves {@code d} to {@code bridge} ({@code ip link set DEV master BR}). */
    public void setMaster(NetDevice d, NetDevice bridge) {
        if (bridge.kind() != LinkKind.BRIDGE || bridge == d) {
            throw new NetlinkException(Errno.EOPNOTSUPP);
        }
        if (d.master() == bridge) {
            return;
        }
        if (d.master() != null) {
            d.master().removePort(d);
        }
        bridge.addPort(d);
        refreshLinkLocal();
    }

    public void clearMaster(NetDevice d) {
        if (d.master() != null) {
            d.master().removePort(d);
            refreshLinkLocal();
        }
    }

    public void rename(NetDevice d, String newName) {
        if (newName.equals(d.name())) {
            return;
        }
        checkFree(ns, newName);
        String old = d.name();
        ns.links().rename(d, newName);
        ns.sysctls().renameDevice(old, newName);
        ns.fib().rules().resolveDevices(ns.links()::indexOf);
    }

    public void setMtu(NetDevice d, int mtu) {
        checkMtu(d, mtu);
        d.setMtu(mtu);
        if (d.kind() == LinkKind.BRIDGE) {
            d.setMtuSetByUser();
        } else if (d.master() != null) {
            d.master().adjustBridgeMtu();
        }
    }

    /** The kernel's MTU bounds check for {@code d}; throws when {@code mtu} is outside. */
    public static void checkMtu(NetDevice d, int mtu) {
        int max = d.kind() == LinkKind.LOOPBACK ? Integer.MAX_VALUE : MAX_MTU;
        if (mtu < MIN_MTU) {
            throw new NetlinkException(Errno.EINVAL, "mtu less than device minimum");
        }
        if (mtu > max) {
            throw new NetlinkException(Errno.EINVAL, "mtu greater than device maximum");
        }
    }
}
