package dev.packetwalk.host.command.linux;

import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.RouteAnswer;
import dev.packetwalk.linux.RouteFormat;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.route.InsertMode;
import dev.packetwalk.linux.route.Numbers;
import dev.packetwalk.linux.route.Route;
import dev.packetwalk.linux.route.RouteProtocol;
import dev.packetwalk.linux.route.RouteTable;
import dev.packetwalk.linux.route.RouteTables;
import dev.packetwalk.linux.route.RouteType;

import java.util.function.Predicate;

/** {@code ip route add|del|replace|change|append|prepend|show|get|flush}. */
final class IpRoute implements IpObject {

    @Override
    public int run(IpContext ctx, IpArgs args) {
        if (!args.hasNext()) {
            return show(ctx, args, false);
        }
        String cmd = args.next();
        Namespace ns = ctx.ns();
        InsertMode mode = switch (cmd) {
            case "add", "a" -> InsertMode.ADD;
            case "replace" -> InsertMode.REPLACE;
            case "change", "chg" -> InsertMode.CHANGE;
            case "append" -> InsertMode.APPEND;
            case "prepend" -> InsertMode.PREPEND;
            default -> null;
        };
        if (mode != null) {
            RouteSpec spec = RouteSpec.parse(args);
            requireDestination(spec);
            ns.routing().add(spec.request(ns, mode));
            return 0;
        }
        if (IpArgs.matches(cmd, "delete")) {
            RouteSpec spec = RouteSpec.parse(args);
            requireDestination(spec);
            ns.routing().delete(spec.selector(ns));
            return 0;
        }
        if (IpArgs.matches(cmd, "show") || IpArgs.matches(cmd, "list") || cmd.equals("lst")) {
            return show(ctx, args, false);
        }
        if (IpArgs.matches(cmd, "flush")) {
            return show(ctx, args, true);
        }
        if (IpArgs.matches(cmd, "get")) {
            return get(ctx, args);
        }
        throw new IpFailure("Command \"" + cmd + "\" is unknown, try \"ip route help\".", 255);
    }

    private static void requireDestination(RouteSpec spec) {
        if (spec.dst == null) {
            throw new IpFailure("Usage: ip route { list | flush } SELECTOR", 255);
        }
    }

    private static int show(IpContext ctx, IpArgs args, boolean flush) {
        Namespace ns = ctx.ns();
        Integer table = RouteTables.MAIN;
        Predicate<Route> keep = r -> true;
        boolean showDev = true;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "table" -> {
                    String v = args.value();
                    table = v.equals("all") ? Integer.valueOf(0) : RouteTables.parse(v);
                    if (table == null) {
                        throw IpFailure.invalidArgument("table id value is invalid", v);
                    }
                }
                case "dev", "oif" -> {
                    NetDevice d = IpArgs.device(ns, args.value());
                    keep = keep.and(r -> r.oif() == d.ifindex());
                    showDev = false;
                }
                case "proto", "protocol" -> {
                    int p = RouteProtocol.parse(args.value());
                    keep = keep.and(r -> r.protocol() == p);
                }
                case "type" -> {
                    RouteType t = RouteType.byKeyword(args.value());
                    keep = keep.and(r -> r.type() == t);
                }
                case "via" -> {
                    int gw = IpArgs.address(args.value(), "inet");
                    keep = keep.and(r -> r.gateway() == gw);
                }
                case "src" -> {
                    int src = IpArgs.address(args.value(), "inet");
                    keep = keep.and(r -> r.prefsrc() == src);
                }
                case "cache" -> keep = r -> false;
                default -> {
                    int[] p = IpArgs.destination(w.equals("exact") ? args.value() : w);
                    keep = keep.and(r -> r.dst() == p[0] && r.prefixLength() == p[1]);
                }
            }
        }
        RouteFormat fmt = new RouteFormat(ns);
        boolean all = table == 0;
        StringBuilder sb = new StringBuilder();
        if (ctx.family() != 6) {
            for (RouteTable t : ns.fib().tablesInDumpOrder()) {
                if (!all && t.id() != table) {
                    continue;
                }
                for (Route r : t.routes()) {
                    if (keep.test(r)) {
                        if (flush) {
                            t.removeIf(r::equals);
                        } else {
                            sb.append(fmt.line(r, all, showDev));
                        }
                    }
                }
            }
        }
        if (!flush && ctx.family() != 4 && (all || ctx.family() == 6)) {
            sb.append(all ? fmt.all(false, true) : fmt.ipv6Main(false));
        }
        ctx.print(sb.toString());
        return 0;
    }

    private static int get(IpContext ctx, IpArgs args) {
        Namespace ns = ctx.ns();
        Integer dst = null;
        int from = 0;
        int iif = 0;
        int oif = 0;
        int mark = 0;
        int tos = 0;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "from" -> from = IpArgs.address(args.value(), "inet");
                case "iif" -> iif = IpArgs.device(ns, args.value()).ifindex();
                case "oif", "dev" -> oif = IpArgs.device(ns, args.value()).ifindex();
                case "mark" -> {
                    String v = args.value();
                    long m = Numbers.parseUnsignedLong(v, 0xffff_ffffL);
                    if (m < 0) {
                        throw IpFailure.invalidArgument("invalid mark value", v);
                    }
                    mark = (int) m;
                }
                case "tos", "dsfield" -> tos = Numbers.parseUnsigned(args.value(), 255);
                case "uid", "vrf", "ipproto", "sport", "dport" -> args.value();
                case "fibmatch", "connected" -> { }
                default -> {
                    String v = w.equals("to") ? args.value() : w;
                    int[] p = IpArgs.prefix(v, "any valid");
                    dst = p[0];
                }
            }
        }
        if (dst == null) {
            throw new IpFailure("need at least a destination address", 1);
        }
        RouteAnswer a = iif != 0 ? ns.routing().resolver().input(dst, from, iif, mark, tos)
                : ns.routing().resolver().output(dst, from, oif, mark, tos);
        ctx.print(new RouteFormat(ns).answer(a));
        return 0;
    }
}
