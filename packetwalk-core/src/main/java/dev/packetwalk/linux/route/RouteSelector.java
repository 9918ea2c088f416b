package dev.packetwalk.linux.route;

/**
 * What {@code ip route del} names: the prefix and TOS exactly, and optionally a type, metric,
 * device, gateway, source, scope and protocol (0, null or -1 when not given), as the kernel's
 * fib_table_delete compares them.
 */
public record RouteSelector(int table, int dst, int prefixLength, int tos, RouteType type,
                            long metric, int oif, int gateway, int prefsrc, int scope,
                            int protocol) {

    boolean matches(Route r) {
        return (type == null || r.type() == type)
                && (scope < 0 || r.scope() == scope)
                && (prefsrc == 0 || r.prefsrc() == prefsrc)
                && (protocol <= 0 || r.protocol() == protocol)
                && (metric < 0 || r.metric() == (int) metric)
                && (oif == 0 || r.oif() == oif)
                && (gateway == 0 || r.gateway() == gateway);
    }
}
