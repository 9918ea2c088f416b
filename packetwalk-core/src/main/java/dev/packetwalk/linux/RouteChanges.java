package dev.packetwalk.linux;

import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.route.FibResult;
import dev.packetwalk.linux.route.PolicyRule;
import dev.packetwalk.linux.route.Route;
import dev.packetwalk.linux.route.RouteSelector;
import dev.packetwalk.linux.route.RouteTable;
import dev.packetwalk.linux.route.RouteTables;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.linux.route.RuleSelector;
import dev.packetwalk.linux.route.Scope;
import dev.packetwalk.net.Ipv4;

import java.util.function.Predicate;

/**
 * Route and rule changes in one namespace, validated as the kernel's fib_create_info and
 * fib_check_nh do (same checks, same order, same error texts), and route lookups through
 * {@link #resolver()}.
 */
public final class RouteChanges {
    private final Namespace ns;
    private final RouteResolver resolver;
    private boolean customLocalRoutes;

    RouteChanges(Namespace ns) {
        this.ns = ns;
        this.resolver = new RouteResolver(ns, this);
    }

    /** {@code ip route get}: the kernel's input and output route resolution. */
    public RouteResolver resolver() {
        return resolver;
    }

    boolean hasCustomLocalRoutes() {
        return customLocalRoutes;
    }

    /** Adds a route as {@code ip route add|replace|append|prepend|change}; returns it. */
    public Route add(RouteRequest q) {
        // inet_rtm_newroute creates the table before it validates the route.
        ns.fib().table(q.table(), true);
        if (q.prefixLength() < 32 && (q.dst() & ~Ipv4.maskOf(q.prefixLength())) != 0) {
            throw new NetlinkException(Errno.EINVAL, "Invalid prefix for given prefix length");
        }
        if (minScope(q.type()) > q.scope()) {
            throw new NetlinkException(Errno.EINVAL, "Invalid scope");
        }
        int nhScope = Scope.NOWHERE;
        int oif = q.oif();
        if (q.type().isReject()) {
            if (q.gateway() != 0 || q.oif() != 0) {
                throw new NetlinkException(Errno.EINVAL,
                        "Gateway, device and multipath can not be specified for this route type");
            }
        } else if (q.scope() > Scope.HOST) {
            throw new NetlinkException(Errno.EINVAL, "Invalid scope");
        } else if (q.scope() == Scope.HOST) {
            if (q.gateway() != 0) {
                throw new NetlinkException(Errno.EINVAL,
                        "Route with host scope can not have a gateway");
            }
            if (device(q.oif()) == null) {
                throw new NetlinkException(Errno.ENODEV);
            }
        } else if (q.gateway() != 0) {
            int[] nh = q.onlink() ? checkOnlinkGateway(q) : checkGateway(q);
            nhScope = nh[0];
            oif = nh[1];
        } else {
            NetDevice dev = device(q.oif());
            if (dev == null) {
                throw new NetlinkException(Errno.ENODEV);
            }
            if (!dev.isUp()) {
                throw new NetlinkException(Errno.ENETDOWN, "Device for nexthop is not up");
            }
            nhScope = Scope.HOST;
        }
        if (q.prefsrc() != 0 && (q.type() != RouteType.LOCAL || q.dst() == 0
                || q.prefsrc() != q.dst()) && !isLocalAddress(q.prefsrc(), q.table())) {
            throw new NetlinkException(Errno.EINVAL, "Invalid prefsrc address");
        }
        Route r = new Route(q.table(), q.type(), q.dst(), q.prefixLength(), q.tos(), q.gateway(),
                oif, q.prefsrc(), q.scope(), q.protocol(), q.metric(), q.onlink(), nhScope);
        ns.fib().table(q.table(), true).insert(r, q.mode());
        if (q.type() == RouteType.LOCAL) {
            customLocalRoutes = true;
        }
        return r;
    }

    private static int minScope(RouteType t) {
        return switch (t) {
            case LOCAL -> Scope.HOST;
            case BROADCAST, ANYCAST -> Scope.LINK;
            default -> Scope.UNIVERSE;
        };
    }

    private NetDevice device(int ifindex) {
        return ifindex == 0 ? null : ns.links().byIndex(ifindex);
    }

    /** fib_check_nh_v4_gw without onlink; returns {nexthop scope, output device index}. */
    private int[] checkGateway(RouteRequest q) {
        int flowScope = Math.max(q.scope() + 1, Scope.LINK);
        FibResult res = new FibResult();
        Errno e = Errno.EAGAIN;
        RouteTable own = q.table() != RouteTables.MAIN ? ns.fib().table(q.table()) : null;
        if (own != null) {
            e = own.lookup(q.gateway(), 0, flowScope, q.oif(), res);
        }
        if (e != null) {
            e = ns.fib().lookup(q.gateway(), 0, 1, q.oif(), 0, 0, flowScope, res);
        }
        if (e != null || (res.route().type() != RouteType.UNICAST
                && res.route().type() != RouteType.LOCAL)) {
            throw new NetlinkException(Errno.EINVAL, "Nexthop has invalid gateway");
        }
        NetDevice dev = device(res.route().oif());
        if (dev == null) {
            throw new NetlinkException(Errno.EINVAL, "No egress device for nexthop gateway");
        }
        if (!dev.isUp()) {
            throw new NetlinkException(Errno.ENETDOWN);
        }
        return new int[] {res.route().scope(), dev.ifindex()};
    }

    private int[] checkOnlinkGateway(RouteRequest q) {
        if (q.scope() >= Scope.LINK) {
            throw new NetlinkException(Errno.EINVAL, "Nexthop has invalid scope");
        }
        NetDevice dev = device(q.oif());
        if (dev == null) {
            throw new NetlinkException(Errno.ENODEV, "Nexthop device required for onlink");
        }
        if (!dev.isUp()) {
            throw new NetlinkException(Errno.ENETDOWN, "Nexthop device is not up");
        }
        if (addressType(dev, q.gateway()) != RouteType.UNICAST) {
            throw new NetlinkException(Errno.EINVAL, "Nexthop has invalid gateway");
        }
        return new int[] {Scope.LINK, dev.ifindex()};
    }

    /** inet_addr_type_dev_table: what the local table says {@code addr} is on {@code dev}. */
    RouteType addressType(NetDevice dev, int addr) {
        if ((addr >>> 24) == 0 || addr == -1) {
            return RouteType.BROADCAST;
        }
        if ((addr >>> 28) == 0xe) {
            return RouteType.MULTICAST;
        }
        FibResult res = new FibResult();
        if (ns.fib().local().lookup(addr, 0, Scope.UNIVERSE, 0, res) == null
                && (dev == null || res.route().oif() == dev.ifindex())) {
            return res.route().type();
        }
        return RouteType.UNICAST;
    }

    /** True when {@code addr} is a local address according to the table (or local). */
    boolean isLocalAddress(int addr, int table) {
        FibResult res = new FibResult();
        RouteTable t = table == RouteTables.MAIN ? null : ns.fib().table(table);
        if (t != null && t.lookup(addr, 0, Scope.UNIVERSE, 0, res) == null
                && res.route().type() == RouteType.LOCAL) {
            return true;
        }
        return addressType(null, addr) == RouteType.LOCAL;
    }

    /** Deletes the first route the selector names ({@code ip route del}); ESRCH if none. */
    public Route delete(RouteSelector sel) {
        RouteTable t = ns.fib().table(sel.table());
        if (t == null) {
            throw new NetlinkException(Errno.ESRCH, "FIB table does not exist");
        }
        return t.delete(sel);
    }

    /** Removes the routes through a device: all of them when {@code force}, else all but host-scope ones. */
    void flushDevice(int ifindex, boolean force) {
        removeIf(r -> r.oif() == ifindex && (force || r.scope() != Scope.HOST));
    }

    /** Removes the routes the predicate selects from every table. */
    public void removeIf(Predicate<Route> doomed) {
        for (RouteTable t : ns.fib().tablesInDumpOrder()) {
            t.removeIf(doomed);
        }
    }

    /** {@code ip rule add}; {@code rule.priority()} counts only when {@code hasPriority}. */
    public PolicyRule addRule(PolicyRule rule, boolean hasPriority) {
        return ns.fib().addRule(rule, hasPriority);
    }

    public PolicyRule deleteRule(RuleSelector sel) {
        return ns.fib().deleteRule(sel);
    }
}
