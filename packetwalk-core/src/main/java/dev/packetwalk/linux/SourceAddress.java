package dev.packetwalk.linux;

import dev.packetwalk.linux.addr.InetAddress;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.route.Scope;

/** The kernel's choice of a source address (inet_select_addr). */
public final class SourceAddress {
    private SourceAddress() {
    }

    /**
     * The first primary address of {@code dev} within {@code scope}, preferring one in the
     * subnet of {@code dst} (0: any); failing that, the first suitable primary of any device
     * in list order. 0 when there is none.
     */
    public static int select(Namespace ns, NetDevice dev, int dst, int scope) {
        int addr = 0;
        if (dev != null) {
            for (InetAddress a : ns.addresses().ipv4(dev.ifindex())) {
                if (a.secondary() || Math.min(a.scope(), localnetScope(ns, dev)) > scope) {
                    continue;
                }
                if (dst == 0 || a.inSubnet(dst)) {
                    return a.local();
                }
                if (addr == 0) {
                    addr = a.local();
                }
            }
            if (addr != 0) {
                return addr;
            }
        }
        for (NetDevice d : ns.links().inListOrder()) {
            for (InetAddress a : ns.addresses().ipv4(d.ifindex())) {
                if (!a.secondary() && a.scope() != Scope.LINK && a.scope() <= scope) {
                    return a.local();
                }
            }
        }
        return 0;
    }

    private static int localnetScope(Namespace ns, NetDevice dev) {
        return ns.sysctls().confOr(dev.name(), "route_localnet") ? Scope.LINK : Scope.HOST;
    }
}
