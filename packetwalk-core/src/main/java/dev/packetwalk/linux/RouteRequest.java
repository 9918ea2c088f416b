package dev.packetwalk.linux;

import dev.packetwalk.linux.route.InsertMode;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.linux.route.Scope;

/**
 * A route as {@code ip route add|replace|append|change} sends it to the kernel: the fields
 * of the route before the kernel validated it (gateway, oif and prefsrc 0 when absent).
 */
public record RouteRequest(int table, RouteType type, int dst, int prefixLength, int tos,
                           int gateway, int oif, int prefsrc, int scope, int protocol, int metric,
                           boolean onlink, InsertMode mode) {

    /** The scope iproute2 gives a route of {@code type} when none is asked for ({@code gateway} 0: none). */
    public static int defaultScope(RouteType type, int gateway) {
        if (type == RouteType.LOCAL) {
            return Scope.HOST;
        }
        if (type == RouteType.BROADCAST || type == RouteType.MULTICAST || type == RouteType.ANYCAST) {
            return Scope.LINK;
        }
        return type == RouteType.UNICAST && gateway == 0 ? Scope.LINK : Scope.UNIVERSE;
    }
}
