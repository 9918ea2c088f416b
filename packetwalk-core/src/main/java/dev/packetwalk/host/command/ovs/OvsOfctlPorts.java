package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Invocation;
import dev.packetwalk.ovs.db.BridgeRow;
import dev.packetwalk.ovs.db.InterfaceRow;
import dev.packetwalk.ovs.db.OfctlShow;

import java.util.List;
import java.util.Optional;

/**
 * The port-listing subcommands of {@code ovs-ofctl}: {@code show}, {@code dump-ports} and
 * {@code dump-ports-desc}. {@link #handles} tells the ovs-ofctl dispatcher which words are ours.
 */
public final class OvsOfctlPorts {
    private OvsOfctlPorts() {
    }

    public static boolean handles(String subcommand) {
        return subcommand.equals("show") || subcommand.equals("dump-ports") || subcommand.equals("dump-ports-desc");
    }

    /** Runs {@code subcommand} with its arguments (after the subcommand word); {@code of13} for -O OpenFlow13. */
    public static int run(Invocation inv, String subcommand, List<String> args, boolean of13) {
        int max = subcommand.equals("dump-ports") ? 2 : 1;
        if (args.isEmpty()) {
            inv.errln("ovs-ofctl: '" + subcommand + "' command requires at least 1 arguments");
            return 1;
        }
        if (args.size() > max) {
            inv.errln("ovs-ofctl: '" + subcommand + "' command takes at most " + max + " arguments");
            return 1;
        }
        Optional<BridgeRow> bridge = inv.host().vswitch().db().bridge(args.get(0));
        if (bridge.isEmpty()) {
            inv.errln("ovs-ofctl: " + args.get(0) + " is not a bridge or a socket");
            return 1;
        }
        switch (subcommand) {
            case "show" -> inv.print(OfctlShow.show(bridge.get(), of13));
            case "dump-ports-desc" -> inv.print(OfctlShow.portDescriptions(bridge.get(), of13));
            default -> {
                List<InterfaceRow> ports = OfctlShow.openflowPorts(bridge.get());
                if (args.size() == 2) {
                    String want = args.get(1);
                    ports = ports.stream().filter(p -> p.name().equals(want) || Integer.toString(p.ofport()).equals(want)
                            || (want.equals("LOCAL") && p.ofport() == InterfaceRow.OFPP_LOCAL)).toList();
                    if (ports.isEmpty()) {
                        inv.errln("ovs-ofctl: " + args.get(0) + ": unknown port `" + want + "'");
                        return 1;
                    }
                }
                boolean byName = args.size() == 2 && !args.get(1).matches("[0-9]+|LOCAL");
                inv.print(OfctlShow.portStats(ports, of13, byName ? 4 : 2));
            }
        }
        return 0;
    }
}
