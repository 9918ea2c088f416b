package dev.packetwalk.host.command.linux;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.linux.RouteRequest;
import dev.packetwalk.linux.route.InsertMode;
import dev.packetwalk.linux.route.Numbers;
import dev.packetwalk.linux.route.RouteProtocol;
import dev.packetwalk.linux.route.RouteSelector;
import dev.packetwalk.linux.route.RouteTables;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.linux.route.Scope;

/** The words of {@code ip route add|del ...} parsed as iproute2's iproute_modify does. */
final class RouteSpec {
    RouteType type;
    int[] dst;
    int tos;
    Integer table;
    int protocol = -1;
    int scope = -1;
    long metric = -1;
    int gateway;
    String dev;
    int prefsrc;
    boolean onlink;
    /** A type the kernel refuses here (nat, xresolve): parsed, then rejected. */
    boolean refusedType;

    static RouteSpec parse(IpArgs args) {
        RouteSpec s = new RouteSpec();
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "src" -> s.prefsrc = IpArgs.address(args.value(), "inet");
                case "via" -> {
                    String v = args.value();
                    if (v.equals("inet")) {
                        v = args.value();
                    }
                    s.gateway = IpArgs.address(v, "inet");
                }
                case "tos", "dsfield" -> {
                    String v = args.value();
                    s.tos = Numbers.parseUnsigned(v, 255);
                    if (s.tos < 0) {
                        throw IpFailure.invalidArgument("\"tos\" value is invalid", v);
                    }
                }
                case "metric", "priority", "preference" -> {
                    String v = args.value();
                    s.metric = Numbers.parseUnsignedLong(v, 0xffff_ffffL);
                    if (s.metric < 0) {
                        throw IpFailure.invalidArgument("\"metric\" value is invalid", v);
                    }
                }
                case "scope" -> {
                    String v = args.value();
                    s.scope = Scope.parse(v);
                    if (s.scope < 0) {
                        throw IpFailure.invalidArgument("invalid \"scope\" value", v);
                    }
                }
                case "dev", "oif" -> s.dev = args.value();
                case "onlink" -> s.onlink = true;
                case "table" -> {
                    String v = args.value();
                    s.table = RouteTables.parse(v);
                    if (s.table == null) {
                        throw IpFailure.invalidArgument("\"table\" value is invalid", v);
                    }
                }
                case "proto", "protocol" -> {
                    String v = args.value();
                    s.protocol = RouteProtocol.parse(v);
                    if (s.protocol < 0) {
                        throw IpFailure.invalidArgument("\"protocol\" value is invalid", v);
                    }
                }
                case "mtu", "advmss", "realm", "realms", "expires", "pref" -> args.value();
                default -> s.destination(w, args);
            }
        }
        return s;
    }

    private void destination(String w, IpArgs args) {
        String word = w;
        if (word.equals("to")) {
            word = args.value();
        }
        if (type == null && dst == null && !Character.isDigit(word.charAt(0))) {
            RouteType t = typeWord(word);
            if (t != null) {
                type = t;
                refusedType = t == RouteType.THROW && !word.equals("throw");
                word = args.value();
                if (word.equals("to")) {
                    word = args.value();
                }
            }
        }
        if (dst != null) {
            throw new IpFailure("Error: either \"to\" is duplicate, or \"" + word
                    + "\" is a garbage.", 255);
        }
        dst = IpArgs.destination(word);
    }

    /** iproute2's rtnl_rtntype_a2n, abbreviations included; null when not a type. */
    private static RouteType typeWord(String w) {
        if (w.equals("local")) {
            return RouteType.LOCAL;
        }
        if (w.equals("throw")) {
            return RouteType.THROW;
        }
        if (w.equals("nat") || IpArgs.matches(w, "xresolve")) {
            return RouteType.THROW;
        }
        for (RouteType t : new RouteType[] {RouteType.BROADCAST, RouteType.ANYCAST,
            RouteType.MULTICAST, RouteType.PROHIBIT, RouteType.UNREACHABLE, RouteType.BLACKHOLE,
            RouteType.UNICAST}) {
            if (IpArgs.matches(w, t.keyword())) {
                return t;
            }
        }
        return w.equals("brd") ? RouteType.BROADCAST : null;
    }

    /** The request {@code ip route add|replace|...} sends, with iproute2's defaults. */
    RouteRequest request(Namespace ns, InsertMode mode) {
        if (refusedType) {
            throw new NetlinkException(Errno.EINVAL);
        }
        RouteType t = type != null ? type : RouteType.UNICAST;
        int tb = table != null ? table
                : (t == RouteType.LOCAL || t == RouteType.BROADCAST || t == RouteType.ANYCAST)
                ? RouteTables.LOCAL : RouteTables.MAIN;
        int sc = scope >= 0 ? scope : RouteRequest.defaultScope(t, gateway);
        int oif = dev == null ? 0 : IpArgs.device(ns, dev).ifindex();
        return new RouteRequest(tb, t, dst[0], dst[1], tos, gateway, oif, prefsrc, sc,
                protocol < 0 ? RouteProtocol.BOOT : protocol, metric < 0 ? 0 : (int) metric,
                onlink, mode);
    }

    /** What {@code ip route del} asks the kernel to delete. */
    RouteSelector selector(Namespace ns) {
        int tb = table != null ? table
                : (type == RouteType.LOCAL || type == RouteType.BROADCAST) ? RouteTables.LOCAL
                : RouteTables.MAIN;
        int oif = dev == null ? 0 : IpArgs.device(ns, dev).ifindex();
        return new RouteSelector(tb, dst[0], dst[1], tos, type, metric, oif, gateway, prefsrc,
                scope, protocol);
    }
}
