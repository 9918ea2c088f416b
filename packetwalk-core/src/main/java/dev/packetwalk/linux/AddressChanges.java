package dev.packetwalk.linux;

import dev.packetwalk.linux.addr.Inet6Address;
import dev.packetwalk.linux.addr.InetAddress;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.route.InsertMode;
import dev.packetwalk.linux.route.Route;
import dev.packetwalk.linux.route.RouteProtocol;
import dev.packetwalk.linux.route.RouteTables;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.linux.route.Scope;

import java.util.ArrayList;
import java.util.List;

/**
 * Address changes in one namespace and the routes the kernel derives from addresses
 * (fib_add_ifaddr): the local route always, and while the device is up the broadcast
 * routes and the connected prefix route.
 */
public final class AddressChanges {
    private final Namespace ns;

    AddressChanges(Namespace ns) {
        this.ns = ns;
    }

    /** Adds an IPv4 address ({@code ip addr add}); returns it as stored. */
    public InetAddress add(NetDevice dev, InetAddress a) {
        InetAddress stored = ns.addresses().add(a);
        for (Route r : derived(dev, stored)) {
            insert(r);
        }
        return stored;
    }

    /** Deletes an IPv4 address (prefix length -1: any) and what the kernel removes with it. */
    public List<InetAddress> delete(NetDevice dev, int local, int prefixLength) {
        List<InetAddress> gone = ns.addresses().delete(dev.ifindex(), local, prefixLength);
        List<Route> stale = new ArrayList<>();
        for (InetAddress a : gone) {
            stale.addAll(derivedIgnoringSecondary(dev, a, primaryOf(dev, a, gone)));
        }
        List<Route> kept = new ArrayList<>();
        for (NetDevice d : ns.links().all()) {
            for (InetAddress a : ns.addresses().ipv4(d.ifindex())) {
                kept.addAll(derived(d, a));
            }
        }
        stale.removeAll(kept);
        for (Route r : stale) {
            ns.fib().table(r.table(), true).removeIf(r::equals);
        }
        for (InetAddress a : gone) {
            if (ns.addresses().deviceOf(a.local()) == 0) {
                ns.routing().removeIf(r -> r.prefsrc() == a.local());
            }
        }
        if (ns.addresses().ipv4(dev.ifindex()).isEmpty()) {
            // The last address is gone: the kernel disables IP on the device (fib_disable_ip).
            ns.routing().flushDevice(dev.ifindex(), true);
        }
        return gone;
    }

    /** Deletes every address of a device ({@code ip addr flush dev DEV}). */
    public void flush(NetDevice dev) {
        for (InetAddress a : ns.addresses().ipv4(dev.ifindex())) {
            if (!a.secondary()) {
                delete(dev, a.local(), a.prefixLength());
            }
        }
        ns.addresses().flushIpv6(dev.ifindex());
    }

    /** Re-derives the routes of every address when the device comes up. */
    void deviceUp(NetDevice dev) {
        for (InetAddress a : ns.addresses().ipv4(dev.ifindex())) {
            for (Route r : derived(dev, a)) {
                insert(r);
            }
        }
    }

    void forgetDevice(NetDevice dev) {
        for (InetAddress a : ns.addresses().flush(dev.ifindex())) {
            if (ns.addresses().deviceOf(a.local()) == 0) {
                ns.routing().removeIf(r -> r.prefsrc() == a.local());
            }
        }
    }

    /** Adds the IPv6 address addrconf gives a running device, if it has none yet. */
    void ensureIpv6(NetDevice d) {
        if (ns.addresses().ipv6Ready(d.ifindex())) {
            return;
        }
        if (d.kind() == LinkKind.LOOPBACK && d.isUp()) {
            ns.addresses().addIpv6(Inet6Address.loopback(d.ifindex()));
            ns.addresses().setIpv6Ready(d.ifindex(), true);
        } else if (d.kind().isEther() && d.isRunning()) {
            ns.addresses().addIpv6(Inet6Address.linkLocal(d.ifindex(), d.mac()));
            ns.addresses().setIpv6Ready(d.ifindex(), true);
        }
    }

    private void insert(Route r) {
        try {
            ns.fib().table(r.table(), true).insert(r, InsertMode.APPEND);
        } catch (NetlinkException e) {
            // Already present: the kernel ignores the duplicate too.
        }
    }

    private InetAddress primaryOf(NetDevice dev, InetAddress a, List<InetAddress> also) {
        if (!a.secondary()) {
            return a;
        }
        List<InetAddress> all = new ArrayList<>(ns.addresses().ipv4(dev.ifindex()));
        all.addAll(also);
        for (InetAddress p : all) {
            if (!p.secondary() && p.prefixLength() == a.prefixLength() && p.inSubnet(a.local())) {
                return p;
            }
        }
        return a;
    }

    /** The routes fib_add_ifaddr installs for {@code a} on {@code dev}. */
    List<Route> derived(NetDevice dev, InetAddress a) {
        return derivedIgnoringSecondary(dev, a, primaryOf(dev, a, List.of()));
    }

    private static List<Route> derivedIgnoringSecondary(NetDevice dev, InetAddress a,
                                                        InetAddress prim) {
        List<Route> out = new ArrayList<>(4);
        int idx = dev.ifindex();
        int src = prim.local();
        out.add(kernelRoute(RouteTables.LOCAL, RouteType.LOCAL, a.local(), 32, idx, src,
                Scope.HOST));
        if (!dev.isUp()) {
            return out;
        }
        if (a.broadcast() != 0 && a.broadcast() != -1) {
            out.add(kernelRoute(RouteTables.LOCAL, RouteType.BROADCAST, a.broadcast(), 32, idx,
                    src, Scope.LINK));
        }
        int prefix = a.network();
        boolean zeronet = (prefix >>> 24) == 0;
        if (!zeronet && !a.secondary() && (prefix != a.local() || a.prefixLength() < 32)) {
            if (dev.kind() == LinkKind.LOOPBACK) {
                out.add(kernelRoute(RouteTables.LOCAL, RouteType.LOCAL, prefix, a.prefixLength(),
                        idx, src, Scope.HOST));
            } else {
                out.add(kernelRoute(RouteTables.MAIN, RouteType.UNICAST, prefix,
                        a.prefixLength(), idx, src, Scope.LINK));
            }
            if (a.prefixLength() < 31) {
                out.add(kernelRoute(RouteTables.LOCAL, RouteType.BROADCAST, prefix | ~a.mask(),
                        32, idx, src, Scope.LINK));
            }
        }
        return out;
    }

    private static Route kernelRoute(int table, RouteType type, int dst, int len, int oif,
                                     int src, int scope) {
        int nhScope = scope == Scope.HOST ? Scope.NOWHERE : Scope.HOST;
        return new Route(table, type, dst, len, 0, 0, oif, src, scope, RouteProtocol.KERNEL, 0,
                false, nhScope);
    }
}
