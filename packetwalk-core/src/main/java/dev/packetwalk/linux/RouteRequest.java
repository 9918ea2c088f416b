package dev.packetwalk.linux;

import dev.packetwalk.linux.route.InsertMode;
import dev.packetwalk.linux.route.RouteType;

/**
 * A route as {@code ip route add|replace|append|change} sends it to the kernel: the fields
 * of the route before the kernel validated it (gateway, oif and prefsrc 0 when absent).
 */
public record RouteRequest(int table, RouteType type, int dst, int prefixLength, int tos,
                           int gateway, int oif, int prefsrc, int scope, int protocol, int metric,
                           boolean onlink, InsertMode mode) {
}
