package dev.packetwalk.host.command.linux;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;

/** {@code ip tuntap add|del NAME mode tap|tun}. */
final class IpTuntap implements IpObject {

    @Override
    public int run(IpContext ctx, IpArgs args) {
        if (!args.hasNext()) {
            throw new IpFailure("Command \"\" is unknown, try \"ip tuntap help\".", 255);
        }
        String cmd = args.next();
        boolean add = IpArgs.matches(cmd, "add");
        if (!add && !IpArgs.matches(cmd, "delete")) {
            throw new IpFailure("Command \"" + cmd + "\" is unknown, try \"ip tuntap help\".",
                    255);
        }
        String name = null;
        String mode = null;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "mode" -> mode = args.value();
                case "dev", "name" -> name = args.value();
                case "user", "group" -> args.value();
                case "multi_queue", "one_queue", "pi", "vnet_hdr", "numqueues" -> { }
                default -> name = w;
            }
        }
        if (mode == null) {
            throw new IpFailure("You failed to specify a tunnel mode", 1);
        }
        if (!mode.equals("tap") && !mode.equals("tun")) {
            throw new IpFailure("Unknown tunnel mode \"" + mode + "\"", 1);
        }
        if (add) {
            if (name == null) {
                name = freeName(ctx, mode);
            }
            if (ctx.ns().links().byName(name) != null) {
                throw new IpFailure("ioctl(TUNSETIFF): Device or resource busy", 1);
            }
            ctx.ns().devices().create(LinkKind.TUN, name, null, 0);
            return 0;
        }
        NetDevice d = name == null ? null : ctx.ns().links().byName(name);
        if (d == null || d.kind() != LinkKind.TUN) {
            throw new NetlinkException(Errno.EBUSY);
        }
        ctx.ns().devices().delete(d);
        return 0;
    }

    private static String freeName(IpContext ctx, String mode) {
        int i = 0;
        while (ctx.ns().links().byName(mode + i) != null) {
            i++;
        }
        return mode + i;
    }
}
