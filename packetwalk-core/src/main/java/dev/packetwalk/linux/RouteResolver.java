package dev.packetwalk.linux;

import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.route.FibResult;
import dev.packetwalk.linux.route.Route;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.linux.route.Scope;

/**
 * The kernel's route resolution for one namespace: the output path
 * (ip_route_output_key_hash) for locally generated packets and the input path
 * (ip_route_input_slow) for packets arriving on a device, including source validation
 * (rp_filter, martians) and forwarding checks.
 */
public final class RouteResolver {
    private static final int LOOPBACK = 1;
    private static final int LOOPBACK_ADDR = 0x7f000001;

    private final Namespace ns;
    private final RouteChanges routing;

    RouteResolver(Namespace ns, RouteChanges routing) {
        this.ns = ns;
        this.routing = routing;
    }

    private static boolean multicast(int a) {
        return (a >>> 28) == 0xe;
    }

    private static boolean zeronet(int a) {
        return (a >>> 24) == 0;
    }

    private static boolean loopbackNet(int a) {
        return (a >>> 24) == 127;
    }

    /** Route for a locally generated packet; throws NetlinkException with the kernel's error. */
    public RouteAnswer output(int daddr, int saddr, int oif, int mark, int tos) {
        int requested = saddr;
        NetDevice devOut = null;
        if (saddr != 0) {
            if (multicast(saddr) || saddr == -1 || zeronet(saddr)) {
                throw new NetlinkException(Errno.EINVAL);
            }
            if (ns.addresses().deviceOf(saddr) == 0) {
                throw new NetlinkException(Errno.ENETUNREACH);
            }
        }
        if (oif != 0) {
            devOut = ns.links().byIndex(oif);
            if (devOut == null) {
                throw new NetlinkException(Errno.ENODEV);
            }
            if (!devOut.isUp()) {
                throw new NetlinkException(Errno.ENETUNREACH);
            }
            boolean localMc = (daddr & 0xffffff00) == 0xe0000000;
            if (localMc || daddr == -1) {
                if (saddr == 0) {
                    saddr = SourceAddress.select(ns, devOut, 0, Scope.LINK);
                }
                return make(RouteType.UNICAST, daddr, requested, saddr, 0, devOut, 0, mark, null, -1);
            }
            if (saddr == 0 && daddr == 0) {
                saddr = SourceAddress.select(ns, devOut, 0, Scope.HOST);
            }
        }
        NetDevice lo = ns.links().byIndex(LOOPBACK);
        if (daddr == 0) {
            daddr = saddr;
            if (daddr == 0) {
                daddr = LOOPBACK_ADDR;
                saddr = LOOPBACK_ADDR;
            }
            return make(RouteType.LOCAL, daddr, requested, saddr, 0, lo, 0, mark, null, -1);
        }
        FibResult res = new FibResult();
        Errno e = ns.fib().lookup(daddr, saddr, LOOPBACK, oif, mark, tos, Scope.UNIVERSE, res);
        if (e != null) {
            if (oif != 0) {
                if (saddr == 0) {
                    saddr = SourceAddress.select(ns, devOut, 0, Scope.LINK);
                }
                return make(RouteType.UNICAST, daddr, requested, saddr, 0, devOut, 0, mark, null, -1);
            }
            throw new NetlinkException(e);
        }
        Route r = res.route();
        if (r.type() == RouteType.LOCAL) {
            if (saddr == 0) {
                saddr = r.prefsrc() != 0 ? r.prefsrc() : daddr;
            }
            return make(RouteType.LOCAL, daddr, requested, saddr, 0, lo, res.table(), mark, r, priority(res));
        }
        NetDevice dev = ns.links().byIndex(r.oif());
        if (saddr == 0) {
            saddr = r.prefsrc() != 0 ? r.prefsrc()
                    : SourceAddress.select(ns, dev, r.gateway(), r.nhScope());
        }
        int gw = r.gateway() != 0 && r.nhScope() == Scope.LINK ? r.gateway() : 0;
        return make(r.type(), daddr, requested, saddr, gw, dev, res.table(), mark, r, priority(res));
    }

    private RouteAnswer make(RouteType type, int daddr, int requested, int saddr, int gw,
                             NetDevice dev, int table, int mark, Route r, long rule) {
        if (loopbackNet(saddr) && dev.kind() != LinkKind.LOOPBACK) {
            throw new NetlinkException(Errno.EINVAL);
        }
        RouteType t = type;
        if (daddr == -1) {
            t = RouteType.BROADCAST;
        } else if (multicast(daddr)) {
            t = RouteType.MULTICAST;
        } else if (zeronet(daddr)) {
            throw new NetlinkException(Errno.EINVAL);
        }
        int flags = dev.kind() == LinkKind.LOOPBACK ? RouteAnswer.LOCAL : 0;
        if (t == RouteType.BROADCAST) {
            flags |= RouteAnswer.BROADCAST | RouteAnswer.LOCAL;
            gw = 0;
        }
        return new RouteAnswer(t, daddr, requested, gw, dev.ifindex(), table, saddr, mark, 0,
                flags, r, rule);
    }

    /** Route for a packet from {@code saddr} arriving on {@code iif}; throws on errors. */
    public RouteAnswer input(int daddr, int saddr, int iif, int mark, int tos) {
        NetDevice in = ns.links().byIndex(iif);
        if (in == null) {
            throw new NetlinkException(Errno.ENODEV);
        }
        if (multicast(daddr)) {
            throw new NetlinkException(Errno.EINVAL);
        }
        if (multicast(saddr) || saddr == -1) {
            throw new NetlinkException(Errno.EINVAL);
        }
        boolean forward = ns.sysctls().conf(in.name(), "forwarding") != 0;
        if (daddr == -1 || (saddr == 0 && daddr == 0)) {
            return broadcastInput(daddr, saddr, in, mark, tos, 0, -1);
        }
        if (zeronet(saddr) || zeronet(daddr)) {
            throw new NetlinkException(Errno.EINVAL);
        }
        boolean localnet = ns.sysctls().confOr(in.name(), "route_localnet");
        if ((loopbackNet(daddr) || loopbackNet(saddr)) && !localnet) {
            throw new NetlinkException(Errno.EINVAL);
        }
        FibResult res = new FibResult();
        Errno e = ns.fib().lookup(daddr, saddr, iif, 0, mark, tos, Scope.UNIVERSE, res);
        if (e != null) {
            throw new NetlinkException(forward ? e : Errno.EHOSTUNREACH);
        }
        Route r = res.route();
        if (r.type() == RouteType.BROADCAST) {
            return broadcastInput(daddr, saddr, in, mark, tos, res.table(), priority(res));
        }
        NetDevice lo = ns.links().byIndex(LOOPBACK);
        if (r.type() == RouteType.LOCAL) {
            martianUnless(saddr, daddr, tos, 0, in, mark);
            return new RouteAnswer(RouteType.LOCAL, daddr, saddr, 0, lo.ifindex(), res.table(),
                    0, mark, iif, RouteAnswer.LOCAL, r, priority(res));
        }
        if (!forward) {
            throw new NetlinkException(Errno.EHOSTUNREACH);
        }
        if (r.type() != RouteType.UNICAST) {
            throw new NetlinkException(Errno.EINVAL);
        }
        int valid = martianUnless(saddr, daddr, tos, r.oif(), in, mark);
        int flags = 0;
        if (r.oif() == iif && valid > 0 && ns.sysctls().confOr(in.name(), "send_redirects")) {
            flags |= RouteAnswer.REDIRECT;
        }
        int gw = r.gateway() != 0 && r.nhScope() == Scope.LINK ? r.gateway() : 0;
        return new RouteAnswer(RouteType.UNICAST, daddr, saddr, gw, r.oif(), res.table(), 0, mark,
                iif, flags, r, priority(res));
    }

    private RouteAnswer broadcastInput(int daddr, int saddr, NetDevice in, int mark, int tos,
                                       int table, long rule) {
        if (saddr != 0) {
            martianUnless(saddr, daddr, tos, 0, in, mark);
        }
        return new RouteAnswer(RouteType.BROADCAST, daddr, saddr, 0, LOOPBACK, table, 0, mark,
                in.ifindex(), RouteAnswer.LOCAL | RouteAnswer.BROADCAST, null, rule);
    }

    /** The unsigned priority of the rule that chose the table, or -1 when no rule was consulted. */
    private static long priority(FibResult res) {
        return res.rule() == null ? -1 : Integer.toUnsignedLong(res.rule().priority());
    }

    /** Source validation on the input path: any failure is a martian source (EINVAL). */
    private int martianUnless(int src, int dst, int tos, int oif, NetDevice dev, int mark) {
        try {
            return validateSource(src, dst, tos, oif, dev, mark);
        } catch (NetlinkException e) {
            throw new NetlinkException(Errno.EINVAL);
        }
    }

    /** fib_validate_source: a negative result is thrown; returns 1 for a directly connected source. */
    private int validateSource(int src, int dst, int tos, int oif, NetDevice dev, int mark) {
        int rpf = ns.sysctls().confMax(dev.name(), "rp_filter");
        boolean acceptLocal = ns.sysctls().confOr(dev.name(), "accept_local");
        boolean redirects = ns.sysctls().confOr(dev.name(), "send_redirects");
        if (rpf == 0 && (dev.ifindex() != oif || !redirects)) {
            if (acceptLocal) {
                return 0;
            }
            if (!routing.hasCustomLocalRoutes() && !ns.fib().hasCustomRules()) {
                if (ns.addresses().deviceOf(src) != 0) {
                    throw new NetlinkException(Errno.EINVAL);
                }
                return 0;
            }
        }
        FibResult res = new FibResult();
        int reverseIif = oif != 0 ? oif : LOOPBACK;
        if (ns.fib().lookup(src, dst, reverseIif, 0, 0, tos, Scope.UNIVERSE, res) != null) {
            if (rpf != 0) {
                throw new NetlinkException(Errno.EXDEV);
            }
            return 0;
        }
        Route r = res.route();
        if (r.type() != RouteType.UNICAST && (r.type() != RouteType.LOCAL || !acceptLocal)) {
            throw new NetlinkException(Errno.EINVAL);
        }
        boolean devMatch = r.oif() == dev.ifindex()
                || (r.type() == RouteType.LOCAL && dev.ifindex() == LOOPBACK);
        if (devMatch) {
            return r.nhScope() >= Scope.HOST ? 1 : 0;
        }
        if (ns.addresses().ipv4(dev.ifindex()).isEmpty()) {
            if (rpf != 0) {
                throw new NetlinkException(Errno.EXDEV);
            }
            return 0;
        }
        if (rpf == 1) {
            throw new NetlinkException(Errno.EXDEV);
        }
        FibResult again = new FibResult();
        if (ns.fib().lookup(src, dst, reverseIif, dev.ifindex(), 0, tos, Scope.UNIVERSE, again)
                == null && again.route().type() == RouteType.UNICAST) {
            return again.route().nhScope() >= Scope.HOST ? 1 : 0;
        }
        return 0;
    }
}
