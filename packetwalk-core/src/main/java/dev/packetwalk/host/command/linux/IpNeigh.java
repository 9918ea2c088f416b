package dev.packetwalk.host.command.linux;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.NeighFormat;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.neigh.Neighbour;
import dev.packetwalk.linux.neigh.NudState;
import dev.packetwalk.net.MacAddress;

/** {@code ip neigh add|replace|change|del|show|flush} for IPv4. */
final class IpNeigh implements IpObject {

    @Override
    public int run(IpContext ctx, IpArgs args) {
        if (!args.hasNext()) {
            return show(ctx, args, false);
        }
        String cmd = args.next();
        switch (cmd) {
            case "add", "replace", "change", "chg" -> {
                return modify(ctx, args, cmd);
            }
            default -> { }
        }
        if (IpArgs.matches(cmd, "delete")) {
            return modify(ctx, args, "del");
        }
        if (IpArgs.matches(cmd, "show") || IpArgs.matches(cmd, "list") || cmd.equals("lst")) {
            return show(ctx, args, false);
        }
        if (IpArgs.matches(cmd, "flush")) {
            if (!args.hasNext()) {
                throw new IpFailure("Flush requires arguments.", 1);
            }
            return show(ctx, args, true);
        }
        throw new IpFailure("Command \"" + cmd + "\" is unknown, try \"ip neigh help\".", 255);
    }

    private static int modify(IpContext ctx, IpArgs args, String cmd) {
        Integer dst = null;
        String dev = null;
        long lladdr = -1;
        NudState state = NudState.PERMANENT;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "lladdr" -> {
                    String v = args.value();
                    lladdr = MacAddress.parseBits(v);
                    if (lladdr < 0) {
                        throw new IpFailure("\"" + v + "\" is invalid lladdr.", 1);
                    }
                }
                case "nud" -> {
                    String v = args.value();
                    state = NudState.parse(v);
                    if (state == null) {
                        throw IpFailure.invalidArgument("nud state is bad", v);
                    }
                }
                case "dev" -> dev = args.value();
                case "router", "proxy", "extern_learn" -> { }
                default -> dst = IpArgs.address(w.equals("to") ? args.value() : w, "inet");
            }
        }
        if (dev == null || dst == null) {
            throw new IpFailure("Device and destination are required arguments.", 255);
        }
        Namespace ns = ctx.ns();
        NetDevice d = IpArgs.device(ns, dev);
        if (cmd.equals("del")) {
            ns.neighbours().delete(d.ifindex(), dst);
            return 0;
        }
        int valid = NudState.PERMANENT.bit() | NudState.NOARP.bit() | NudState.REACHABLE.bit()
                | NudState.PROBE.bit() | NudState.STALE.bit() | NudState.DELAY.bit();
        Neighbour old = ns.neighbours().lookup(d.ifindex(), dst);
        if (lladdr < 0 && (state.bit() & valid) != 0) {
            if (old == null || !old.hasLladdr()) {
                throw new NetlinkException(Errno.EINVAL, "No link layer address given");
            }
            lladdr = old.lladdr();
        }
        Neighbour n = new Neighbour(d.ifindex(), dst, lladdr, state);
        switch (cmd) {
            case "add" -> ns.neighbours().add(n);
            case "replace" -> ns.neighbours().replace(n);
            default -> ns.neighbours().change(n);
        }
        return 0;
    }

    private static int show(IpContext ctx, IpArgs args, boolean flush) {
        Namespace ns = ctx.ns();
        NetDevice dev = null;
        Integer addr = null;
        NudState only = null;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "dev" -> dev = IpArgs.device(ns, args.value());
                case "nud" -> only = NudState.parse(args.value());
                default -> addr = IpArgs.address(w.equals("to") ? args.value() : w, "inet");
            }
        }
        if (flush) {
            ns.neighbours().flush(dev == null ? 0 : dev.ifindex());
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        NeighFormat fmt = new NeighFormat(ns);
        for (Neighbour n : ns.neighbours().entries()) {
            if ((dev != null && n.ifindex() != dev.ifindex()) || (addr != null && n.address() != addr)
                    || (only == null && n.state() == NudState.NOARP)
                    || (only != null && n.state() != only)) {
                continue;
            }
            sb.append(fmt.line(n, dev == null));
        }
        ctx.print(sb.toString());
        return 0;
    }
}
