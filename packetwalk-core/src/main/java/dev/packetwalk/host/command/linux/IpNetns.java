package dev.packetwalk.host.command.linux;

import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Kernel;
import dev.packetwalk.linux.Namespace;

import java.util.List;

/** {@code ip netns list|add|del|exec}. */
final class IpNetns implements IpObject {

    @Override
    public int run(IpContext ctx, IpArgs args) {
        Kernel kernel = ctx.inv().host().kernel();
        if (!args.hasNext()) {
            return list(ctx, kernel);
        }
        String cmd = args.next();
        if (IpArgs.matches(cmd, "list") || cmd.equals("show") || cmd.equals("lst")) {
            return list(ctx, kernel);
        }
        if (cmd.equals("add") || cmd.equals("delete") || cmd.equals("del")
                || cmd.equals("exec")) {
            if (!args.hasNext()) {
                throw new IpFailure("No netns name specified", 1);
            }
            String name = args.next();
            return switch (cmd) {
                case "add" -> add(kernel, name);
                case "exec" -> exec(ctx, kernel, name, args.rest());
                default -> delete(kernel, name);
            };
        }
        throw new IpFailure("Command \"" + cmd + "\" is unknown, try \"ip netns help\".", 255);
    }

    private static int list(IpContext ctx, Kernel kernel) {
        StringBuilder sb = new StringBuilder();
        for (Namespace ns : kernel.namespaces()) {
            sb.append(ns.name());
            int id = ctx.ns().peerId(ns, false);
            if (id >= 0) {
                sb.append(" (id: ").append(id).append(')');
            }
            sb.append('\n');
        }
        ctx.print(sb.toString());
        return 0;
    }

    private static int add(Kernel kernel, String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IpFailure("Invalid netns name \"" + name + "\"", 1);
        }
        if (kernel.namespace(name).isPresent()) {
            throw new IpFailure("Cannot create namespace file \"/run/netns/" + name
                    + "\": File exists", 1);
        }
        kernel.addNamespace(name);
        return 0;
    }

    private static int delete(Kernel kernel, String name) {
        if (!kernel.deleteNamespace(name)) {
            throw new IpFailure("Cannot remove namespace file \"/run/netns/" + name
                    + "\": No such file or directory", 1);
        }
        return 0;
    }

    private static int exec(IpContext ctx, Kernel kernel, String name, List<String> argv) {
        if (kernel.namespace(name).isEmpty()) {
            throw new IpFailure("Cannot open network namespace \"" + name
                    + "\": No such file or directory", 255);
        }
        if (argv.isEmpty()) {
            throw new IpFailure("No command specified", 1);
        }
        Invocation inv = ctx.inv();
        if (inv.host().command(argv.get(0)).isEmpty()) {
            throw new IpFailure("exec of \"" + argv.get(0) + "\" failed: No such file or directory", 1);
        }
        // through the shell, so that `bash` opens a nested shell in the namespace
        return inv.shell().runIn(name, argv, inv.stdin(), inv.out(), inv.err());
    }
}
