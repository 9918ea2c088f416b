package dev.packetwalk.linux.route;

import dev.packetwalk.net.Ipv4;

/**
 * One IPv4 route (a fib alias with its fib info): table, type, destination prefix, TOS,
 * next hop (gateway and/or output device index), preferred source, scope, protocol, metric.
 * {@code gateway}, {@code oif} and {@code prefsrc} are 0 when absent. {@code nhScope} is the
 * scope of the next hop the kernel derived when it validated the route (host for device
 * routes, the scope of the route towards the gateway otherwise); source selection uses it.
 */
public record Route(int table, RouteType type, int dst, int prefixLength, int tos, int gateway,
                    int oif, int prefsrc, int scope, int protocol, int metric, boolean onlink,
                    int nhScope) {

    public Route {
        if (type == null) {
            throw new IllegalArgumentException("route type is required");
        }
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("invalid prefix length " + prefixLength);
        }
        if ((dst & ~Ipv4.maskOf(prefixLength)) != 0) {
            throw new IllegalArgumentException("destination has host bits set: "
                    + Ipv4.format(dst) + "/" + prefixLength);
        }
    }

    public boolean hasGateway() {
        return gateway != 0;
    }

    /** True when {@code addr} falls inside this route's prefix. */
    public boolean covers(int addr) {
        return ((addr ^ dst) & Ipv4.maskOf(prefixLength)) == 0;
    }

    /** The same route with its next-hop scope settled. */
    public Route withNhScope(int newNhScope) {
        return new Route(table, type, dst, prefixLength, tos, gateway, oif, prefsrc, scope,
                protocol, metric, onlink, newNhScope);
    }

    /**
     * True when {@code other} would share this route's fib_info and type: everything but the
     * destination agrees (the kernel's test for an identical route).
     */
    boolean sameInfo(Route other) {
        return equals(new Route(other.table, other.type, dst, prefixLength, other.tos,
                other.gateway, other.oif, other.prefsrc, other.scope, other.protocol,
                other.metric, other.onlink, other.nhScope));
    }
}
