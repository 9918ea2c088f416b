package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Provisional {@code ovs-ofctl}: only the port listings ({@link OvsOfctlPorts}); the flow
 * commands arrive with the OpenFlow side.
 */
public final class OvsOfctl implements Command {
    @Override
    public int run(Invocation inv) {
        List<String> rest = new ArrayList<>();
        boolean of13 = false;
        List<String> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-O") && i + 1 < args.size()) {
                of13 = args.get(++i).contains("13");
            } else if (a.startsWith("--protocols=") || a.startsWith("-O")) {
                of13 = a.contains("13");
            } else {
                rest.add(a);
            }
        }
        if (rest.isEmpty()) {
            inv.errln("ovs-ofctl: missing command name; use --help for help");
            return 1;
        }
        String sub = rest.get(0);
        if (!OvsOfctlPorts.handles(sub)) {
            inv.errln("ovs-ofctl: unknown command '" + sub + "'; use --help for help");
            return 1;
        }
        return OvsOfctlPorts.run(inv, sub, rest.subList(1, rest.size()), of13);
    }
}
