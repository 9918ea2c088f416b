package dev.packetwalk.host.command.linux;

import dev.packetwalk.linux.LinkFormat;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.addr.InetAddress;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.route.Scope;
import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.List;

/** {@code ip address add|delete|show|flush}. */
final class IpAddress implements IpObject {

    @Override
    public int run(IpContext ctx, IpArgs args) {
        if (!args.hasNext()) {
            return show(ctx, args);
        }
        String cmd = args.next();
        if (IpArgs.matches(cmd, "add")) {
            return modify(ctx, args, true);
        }
        if (IpArgs.matches(cmd, "delete")) {
            return modify(ctx, args, false);
        }
        if (IpArgs.matches(cmd, "show") || IpArgs.matches(cmd, "list") || cmd.equals("lst")) {
            return show(ctx, args);
        }
        if (IpArgs.matches(cmd, "flush")) {
            return flush(ctx, args);
        }
        throw new IpFailure("Command \"" + cmd + "\" is unknown, try \"ip address help\".", 255);
    }

    private static int modify(IpContext ctx, IpArgs args, boolean add) {
        int[] local = null;
        String localText = null;
        String brd = null;
        Integer scope = null;
        String dev = null;
        String label = null;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "brd", "broadcast" -> brd = args.value();
                case "scope" -> {
                    String s = args.value();
                    scope = Scope.parse(s);
                    if (scope < 0) {
                        throw IpFailure.invalidArgument("invalid scope value.", s);
                    }
                }
                case "dev" -> dev = args.value();
                case "label" -> label = args.value();
                case "local" -> {
                    localText = args.value();
                    local = IpArgs.prefix(localText, "any valid");
                }
                case "noprefixroute", "home", "nodad", "permanent" -> { }
                case "valid_lft", "preferred_lft", "metric", "priority" -> args.value();
                default -> {
                    localText = w;
                    local = IpArgs.prefix(w, "any valid");
                }
            }
        }
        if (dev == null) {
            throw new IpFailure("Not enough information: \"dev\" argument is required.", 1);
        }
        if (local == null) {
            throw new IpFailure("Not enough information: \"local\" argument is required.", 1);
        }
        Namespace ns = ctx.ns();
        NetDevice d = IpArgs.device(ns, dev);
        if (!add) {
            if (local[1] < 0) {
                ctx.inv().err().append("Warning: Executing wildcard deletion to stay compatible"
                        + " with old scripts.\n         Explicitly specify the prefix length ("
                        + localText + "/32) to avoid this warning.\n         This special"
                        + " behaviour is likely to disappear in further releases,\n"
                        + "         fix your scripts!\n");
            }
            ns.addressing().delete(d, local[0], local[1]);
            return 0;
        }
        int len = local[1] < 0 ? 32 : local[1];
        int broadcast = broadcast(brd, local[0], len);
        int sc = scope != null ? scope : (local[0] >>> 24) == 127 ? Scope.HOST : Scope.UNIVERSE;
        ns.addressing().add(d, new InetAddress(d.ifindex(), local[0], len, broadcast, sc,
                label != null ? label : d.name(), false));
        return 0;
    }

    private static int broadcast(String brd, int local, int len) {
        if (brd == null) {
            return 0;
        }
        if (brd.equals("+") || brd.equals("-")) {
            if (len > 30) {
                return 0;
            }
            int mask = Ipv4.maskOf(len);
            return brd.equals("+") ? (local & mask) | ~mask : local & mask;
        }
        return IpArgs.address(brd, "inet");
    }

    private static List<NetDevice> selected(IpContext ctx, IpArgs args) {
        Namespace ns = ctx.ns();
        List<NetDevice> devs = new ArrayList<>(ns.links().all());
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals("up")) {
                devs.removeIf(d -> !d.isUp());
                continue;
            }
            String name = w.equals("dev") ? args.value() : w;
            NetDevice d = ns.links().byName(name);
            if (d == null) {
                throw new IpFailure("Device \"" + name + "\" does not exist.", 1);
            }
            devs = new ArrayList<>(List.of(d));
        }
        return devs;
    }

    private static int show(IpContext ctx, IpArgs args) {
        LinkFormat fmt = new LinkFormat(ctx.ns());
        for (NetDevice d : selected(ctx, args)) {
            ctx.print(ctx.brief() ? fmt.briefAddress(d, ctx.family())
                    : fmt.address(d, ctx.family(), ctx.oneline()));
        }
        return 0;
    }

    private static int flush(IpContext ctx, IpArgs args) {
        if (!args.hasNext()) {
            throw new IpFailure("Flush requires arguments.", 1);
        }
        for (NetDevice d : selected(ctx, args)) {
            if (ctx.family() == 6) {
                ctx.ns().addresses().flushIpv6(d.ifindex());
            } else if (ctx.family() == 4) {
                for (InetAddress a : ctx.ns().addresses().ipv4(d.ifindex())) {
                    if (!a.secondary()) {
                        ctx.ns().addressing().delete(d, a.local(), a.prefixLength());
                    }
                }
            } else {
                ctx.ns().addressing().flush(d);
            }
        }
        return 0;
    }
}
