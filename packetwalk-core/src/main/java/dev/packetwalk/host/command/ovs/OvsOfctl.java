package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.ofproto.Bridge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ovs-ofctl} (OVS 3.1): the flow commands ({@link OfctlFlowMods}, {@link OfctlDumps})
 * and the port listings ({@link OvsOfctlPorts}). Options may come anywhere; argument counts,
 * bridge lookup and parse errors are reported with ovs-ofctl's words and exit status 1.
 */
public final class OvsOfctl implements Command {
    /** A subcommand: its argument bounds (after the subcommand word) and what it does. */
    interface Verb {
        int run(Invocation inv, OfctlOptions opts, Bridge bridge, List<String> args, OfctlLog log);
    }

    private record Entry(int min, int max, Verb verb) {
    }

    private static final Map<String, Entry> VERBS = Map.of(
            "add-flow", new Entry(2, 2, OfctlFlowMods::addFlow),
            "add-flows", new Entry(2, 2, OfctlFlowMods::addFlows),
            "mod-flows", new Entry(2, 2, OfctlFlowMods::modFlows),
            "del-flows", new Entry(1, 2, OfctlFlowMods::delFlows),
            "dump-flows", new Entry(1, 2, OfctlDumps::dumpFlows),
            "dump-aggregate", new Entry(1, 2, OfctlDumps::dumpAggregate),
            "dump-tables", new Entry(1, 1, OfctlDumps::dumpTables));

    @Override
    public int run(Invocation inv) {
        OfctlOptions opts;
        try {
            opts = OfctlOptions.parse(inv.args());
        } catch (OfctlOptions.BadOption e) {
            inv.errln("ovs-ofctl: " + e.getMessage());
            return 1;
        }
        List<String> words = opts.words;
        if (words.isEmpty()) {
            inv.errln("ovs-ofctl: missing command name; use --help for help");
            return 1;
        }
        String sub = words.get(0);
        List<String> args = words.subList(1, words.size());
        if (OvsOfctlPorts.handles(sub)) {
            return OvsOfctlPorts.run(inv, sub, args, opts.protocol != dev.packetwalk.ovs.flow.Protocol.OPENFLOW10);
        }
        Entry e = VERBS.get(sub);
        if (e == null) {
            inv.errln("ovs-ofctl: unknown command '" + sub + "'; use --help for help");
            return 1;
        }
        if (args.size() < e.min()) {
            inv.errln("ovs-ofctl: '" + sub + "' command requires at least " + e.min() + " arguments");
            return 1;
        }
        if (args.size() > e.max()) {
            inv.errln("ovs-ofctl: '" + sub + "' command takes at most " + e.max() + " arguments");
            return 1;
        }
        Optional<Bridge> bridge = inv.host().vswitch().bridge(args.get(0));
        if (bridge.isEmpty()) {
            inv.errln("ovs-ofctl: " + args.get(0) + " is not a bridge or a socket");
            return 1;
        }
        OfctlLog log = new OfctlLog(inv);
        try {
            return e.verb().run(inv, opts, bridge.get(), args.subList(1, args.size()), log);
        } catch (FlowSyntaxException x) {
            log.write(new java.util.ArrayList<>(x.log()));
            inv.errln("ovs-ofctl: " + x.getMessage());
            return 1;
        }
    }
}
