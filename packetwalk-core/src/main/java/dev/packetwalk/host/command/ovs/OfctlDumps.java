package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Invocation;
import dev.packetwalk.ovs.flow.LogLine;
import dev.packetwalk.ovs.flow.MatchWire;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowFilter;
import dev.packetwalk.ovs.flowmod.FlowModCommand;
import dev.packetwalk.ovs.flowmod.FlowModText;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.DumpFlows;
import dev.packetwalk.ovs.ofproto.DumpTables;
import dev.packetwalk.ovs.ofproto.FlowMods;
import dev.packetwalk.ovs.ofproto.FlowSort;
import dev.packetwalk.ovs.ofproto.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code dump-flows}, {@code dump-aggregate} and {@code dump-tables}. A plain dump-flows prints
 * the reply header and ages; with {@code --sort}/{@code --rsort}, {@code --names} or
 * {@code --no-stats} ovs-ofctl takes its other path: no header, no ages.
 */
final class OfctlDumps {
    private OfctlDumps() {
    }

    static int dumpFlows(Invocation inv, OfctlOptions o, Bridge b, List<String> args, OfctlLog log) {
        List<Rule> rules = select(o, b, args, log);
        long now = b.clock().nanos();
        StringBuilder sb = new StringBuilder();
        boolean plain = o.sort.isEmpty() && !o.names && o.stats;
        if (plain) {
            sb.append(header(o.protocol, "FLOW", xid(o.protocol, args))).append('\n');
        } else {
            if (!rules.stream().allMatch(r -> MatchWire.decodes(r.mod().match(), o.protocol))) {
                // this path decodes the whole reply before printing: one bad match fails the dump
                log.write(new ArrayList<>(List.of(LogLine.warn("ofp_flow", "OFPST_FLOW reply bad match"),
                        LogLine.warn("vconn", "parse error in reply (OFPBMC_BAD_PREREQ)"))));
                inv.errln("ovs-ofctl: dump flows (Protocol error)");
                return 1;
            }
            if (!o.sort.isEmpty()) {
                rules = FlowSort.sort(rules, o.sort);
            }
        }
        PortNames names = o.names ? b : PortNames.NONE;
        for (Rule r : rules) {
            sb.append(' ').append(o.stats ? DumpFlows.statsLine(r, now, o.protocol, names, plain)
                    : DumpFlows.noStatsLine(r, o.protocol, names)).append('\n');
        }
        inv.print(sb.toString());
        return 0;
    }

    static int dumpAggregate(Invocation inv, OfctlOptions o, Bridge b, List<String> args, OfctlLog log) {
        List<Rule> rules = select(o, b, args, log);
        inv.print(DumpFlows.aggregate(rules, o.protocol, xid(o.protocol, args)));
        return 0;
    }

    static int dumpTables(Invocation inv, OfctlOptions o, Bridge b, List<String> args, OfctlLog log) {
        inv.print(DumpTables.format(b, o.protocol));
        return 0;
    }

    private static List<Rule> select(OfctlOptions o, Bridge b, List<String> args, OfctlLog log) {
        FlowFilter filter = FlowFilter.ALL;
        if (!args.isEmpty()) {
            List<LogLine> lines = new ArrayList<>();
            try {
                filter = FlowModText.parseFilter(args.get(0), FlowModCommand.DUMP, o.protocol, b, lines);
            } finally {
                log.write(lines);
            }
        }
        return FlowMods.select(b, filter);
    }

    /** ovs-ofctl's request xid: a non-empty filter costs two more messages (port and table names). */
    private static int xid(Protocol p, List<String> args) {
        int base = p == Protocol.OPENFLOW10 ? 4 : 2;
        return args.isEmpty() || args.get(0).isEmpty() ? base : base + 4;
    }

    private static String header(Protocol p, String what, int xid) {
        String x = "(xid=0x" + Integer.toHexString(xid) + "):";
        return p == Protocol.OPENFLOW10 ? "NXST_" + what + " reply " + x : "OFPST_" + what + " reply (OF1.3) " + x;
    }
}
