package dev.packetwalk.host.command.linux;

import dev.packetwalk.linux.DeviceChanges;
import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.LinkDetailsFormat;
import dev.packetwalk.linux.LinkFormat;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.route.Numbers;
import dev.packetwalk.net.MacAddress;

import java.util.ArrayList;
import java.util.List;

/** {@code ip link add|delete|set|show}. */
final class IpLink implements IpObject {

    @Override
    public int run(IpContext ctx, IpArgs args) {
        if (!args.hasNext()) {
            return show(ctx, args);
        }
        String cmd = args.next();
        if (IpArgs.matches(cmd, "add")) {
            return add(ctx, args);
        }
        if (IpArgs.matches(cmd, "delete")) {
            return delete(ctx, args);
        }
        if (IpArgs.matches(cmd, "set")) {
            return set(ctx, args);
        }
        if (IpArgs.matches(cmd, "show") || IpArgs.matches(cmd, "list") || cmd.equals("lst")) {
            return show(ctx, args);
        }
        throw new IpFailure("Command \"" + cmd + "\" is unknown, try \"ip link help\".", 255);
    }

    private static Namespace namespaceArg(IpContext ctx, String name) {
        return ctx.inv().host().kernel().namespace(name).orElseThrow(
                () -> IpFailure.invalidArgument("Invalid \"netns\" value", name));
    }

    private static long mac(String text) {
        long v = MacAddress.parseBits(text);
        if (v < 0) {
            throw new IpFailure("\"" + text + "\" is invalid lladdr.", 1);
        }
        return v;
    }

    private static int add(IpContext ctx, IpArgs args) {
        String name = null;
        Long address = null;
        Integer mtu = null;
        Namespace home = ctx.ns();
        String type = null;
        while (args.hasNext() && type == null) {
            String w = args.next();
            switch (w) {
                case "name", "dev" -> name = args.value();
                case "address" -> address = mac(args.value());
                case "mtu" -> mtu = parseMtu(args.value());
                case "netns" -> home = namespaceArg(ctx, args.value());
                case "type" -> type = args.value();
                case "txqueuelen", "qlen", "link", "group" -> args.value();
                case "up" -> { }
                default -> name = w;
            }
        }
        if (type == null) {
            throw new IpFailure("Not enough information: \"type\" argument is required", 1);
        }
        if (name == null) {
            throw new IpFailure("Not enough information: \"dev\" argument is required.", 1);
        }
        LinkKind kind = LinkKind.byTypeWord(type);
        if (kind == null) {
            throw new NetlinkException(Errno.EOPNOTSUPP, "Unknown device type");
        }
        DeviceChanges changes = home.devices();
        NetDevice created;
        if (kind == LinkKind.VETH) {
            created = addVeth(ctx, args, changes, home, name, address);
        } else {
            int vni = kind == LinkKind.VXLAN ? vxlanId(args) : 0;
            created = changes.create(kind, name, address, vni);
        }
        if (mtu != null) {
            changes.setMtu(created, mtu);
        }
        return 0;
    }

    private static NetDevice addVeth(IpContext ctx, IpArgs args, DeviceChanges changes,
                                     Namespace home, String name, Long address) {
        String peerName = null;
        Long peerMac = null;
        // The peer is created where the command runs unless it names its own netns.
        Namespace peerNs = ctx.ns();
        if (args.hasNext() && args.peek().equals("peer")) {
            args.next();
            while (args.hasNext()) {
                String w = args.next();
                switch (w) {
                    case "name", "dev" -> peerName = args.value();
                    case "address" -> peerMac = mac(args.value());
                    case "netns" -> peerNs = namespaceArg(ctx, args.value());
                    case "mtu", "txqueuelen" -> args.value();
                    default -> peerName = w;
                }
            }
        }
        if (peerName == null) {
            peerName = nextFreeVethName(peerNs);
        }
        return changes.createVeth(name, address, peerName, peerMac, peerNs)[0];
    }

    private static String nextFreeVethName(Namespace ns) {
        int i = 0;
        while (ns.links().byName("veth" + i) != null) {
            i++;
        }
        return "veth" + i;
    }

    private static int vxlanId(IpArgs args) {
        int vni = -1;
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals("id") || w.equals("vni")) {
                String v = args.value();
                vni = Numbers.parseUnsigned(v, 0xffffff);
                if (vni < 0) {
                    throw IpFailure.invalidArgument("invalid id", v);
                }
            } else if (!w.equals("nolearning") && !w.equals("learning")) {
                args.value();
            }
        }
        if (vni < 0) {
            throw new NetlinkException(Errno.EINVAL,
                    "Required attributes not provided to perform the operation");
        }
        return vni;
    }

    private static int parseMtu(String v) {
        int mtu = Numbers.parseUnsigned(v, 0xffff_ffffL);
        if (mtu < 0) {
            throw IpFailure.invalidArgument("\"mtu\" value is invalid", v);
        }
        return mtu;
    }

    private static int delete(IpContext ctx, IpArgs args) {
        String name = null;
        while (args.hasNext()) {
            String w = args.next();
            name = w.equals("dev") ? args.value() : w;
        }
        if (name == null) {
            throw new IpFailure("Not enough information: \"dev\" argument is required.", 1);
        }
        NetDevice d = IpArgs.device(ctx.ns(), name);
        if (d.kind() == LinkKind.LOOPBACK) {
            throw new NetlinkException(Errno.EOPNOTSUPP);
        }
        ctx.ns().devices().delete(d);
        return 0;
    }

    private static int set(IpContext ctx, IpArgs args) {
        String dev = null;
        Boolean up = null;
        Namespace target = null;
        Long address = null;
        Integer mtu = null;
        String newName = null;
        String master = null;
        boolean nomaster = false;
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "up" -> up = true;
                case "down" -> up = false;
                case "netns" -> target = namespaceArg(ctx, args.value());
                case "address" -> address = mac(args.value());
                case "mtu" -> mtu = parseMtu(args.value());
                case "name" -> newName = args.value();
                case "master" -> master = args.value();
                case "nomaster" -> nomaster = true;
                case "dev" -> dev = args.value();
                default -> {
                    if (dev != null) {
                        throw new IpFailure("Error: either \"dev\" is duplicate, or \"" + w
                                + "\" is a garbage.", 255);
                    }
                    dev = w;
                }
            }
        }
        if (dev == null) {
            throw new IpFailure("Not enough information: \"dev\" argument is required.", 255);
        }
        Namespace ns = ctx.ns();
        NetDevice d = IpArgs.device(ns, dev);
        NetDevice bridge = master == null ? null : IpArgs.device(ns, master);
        Namespace finalNs = target != null ? target : ns;
        if (target != null && target != ns && target.links().byName(d.name()) != null) {
            throw new NetlinkException(Errno.EEXIST);
        }
        if (mtu != null) {
            DeviceChanges.checkMtu(d, mtu);
        }
        if (newName != null && !newName.equals(d.name()) && finalNs.links().byName(newName) != null) {
            throw new NetlinkException(Errno.EEXIST);
        }
        if (bridge != null && (bridge.kind() != LinkKind.BRIDGE || bridge == d)) {
            throw new NetlinkException(Errno.EOPNOTSUPP);
        }
        if (target != null && target != ns) {
            ns.devices().move(d, target);
            ns = target;
        }
        if (address != null) {
            d.setMac(address);
        }
        if (mtu != null) {
            ns.devices().setMtu(d, mtu);
        }
        if (newName != null) {
            ns.devices().rename(d, newName);
        }
        if (bridge != null) {
            ns.devices().setMaster(d, bridge);
        } else if (nomaster) {
            ns.devices().clearMaster(d);
        }
        if (up != null) {
            ns.devices().setUp(d, up);
        }
        return 0;
    }

    private static int show(IpContext ctx, IpArgs args) {
        Namespace ns = ctx.ns();
        List<NetDevice> devs = new ArrayList<>(ns.links().all());
        while (args.hasNext()) {
            String w = args.next();
            switch (w) {
                case "up" -> devs.removeIf(d -> !d.isUp());
                case "master" -> {
                    NetDevice br = IpArgs.device(ns, args.value());
                    devs.removeIf(d -> d.master() != br);
                }
                case "type" -> {
                    String t = args.value();
                    devs.removeIf(d -> !d.kind().word().equals(t));
                }
                default -> {
                    String name = w.equals("dev") ? args.value() : w;
                    NetDevice d = ns.links().byName(name);
                    if (d == null) {
                        throw new IpFailure("Device \"" + name + "\" does not exist.", 1);
                    }
                    devs = new ArrayList<>(List.of(d));
                }
            }
        }
        LinkFormat fmt = new LinkFormat(ns);
        for (NetDevice d : devs) {
            ctx.print(ctx.brief() ? fmt.briefLink(d)
                    : ctx.details() ? new LinkDetailsFormat(ns).link(d, ctx.oneline())
                    : fmt.link(d, ctx.oneline()));
        }
        return 0;
    }
}
