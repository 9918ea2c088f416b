package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.FlowText;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.flowmod.FlowModText;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.MacTable;
import dev.packetwalk.ovs.ofproto.Rule;
import dev.packetwalk.ovs.xlate.OdpFlowText;
import dev.packetwalk.ovs.xlate.TracePrinter;
import dev.packetwalk.ovs.xlate.TraceResult;
import dev.packetwalk.ovs.xlate.Tracer;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ovs-appctl} talking to the emulated ovs-vswitchd: ofproto/trace, fdb/*, dpif/show,
 * bridge/dump-flows, list-commands. Server errors print the message and
 * {@code ovs-appctl: ovs-vswitchd: server returned an error} on stderr, exit status 2.
 */
public final class OvsAppctl implements Command {
    /** An error the server replies with (printed, then the "server returned an error" line). */
    static final class ServerError extends RuntimeException {
        ServerError(String message) {
            super(message);
        }
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.args());
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String opt = args.remove(0);
            if ((opt.equals("-t") || opt.equals("--target")) && !args.isEmpty()) {
                args.remove(0);
            }
        }
        if (args.isEmpty()) {
            inv.errln("ovs-appctl: at least one non-option argument is required (use --help for help)");
            return 1;
        }
        String cmd = args.remove(0);
        Vswitch vs = inv.host().vswitch();
        try {
            String out = switch (cmd) {
                case "ofproto/trace" -> trace(vs, args);
                case "fdb/show" -> FdbText.show(bridge(vs, args, 0), vs.clock().nanos());
                case "fdb/flush" -> flush(vs, args);
                case "fdb/stats-show" -> FdbText.stats(bridge(vs, args, 0), vs.clock().nanos());
                case "fdb/add" -> fdbAdd(vs, args);
                case "fdb/del" -> fdbDel(vs, args);
                case "dpif/show" -> vs.datapath().show(vs);
                case "bridge/dump-flows" -> hiddenFlows(bridge(vs, args, 0));
                case "list-commands" -> AppctlCommandList.text();
                case "netdev-dummy/receive" -> OvsAppctlDummy.receive(vs, args);
                case "time/warp" -> OvsAppctlDummy.warp(vs.clock(), args);
                case "time/stop" -> OvsAppctlDummy.stop(args);
                case "revalidator/wait" -> OvsAppctlDummy.revalidatorWait(args);
                default -> throw new ServerError("\"" + cmd + "\" is not a valid command (use \"list-commands\" to see"
                        + " a list of valid commands)");
            };
            inv.print(out);
            return 0;
        } catch (ServerError e) {
            inv.errln(e.getMessage());
            inv.errln("ovs-appctl: ovs-vswitchd: server returned an error");
            return 2;
        }
    }

    /** Checks the argument count as unixctl does, with its messages. */
    static void arity(String cmd, List<String> args, int min, int max) {
        if (args.size() < min) {
            throw new ServerError("\"" + cmd + "\" command requires at least " + min + " arguments");
        }
        if (args.size() > max) {
            throw new ServerError("\"" + cmd + "\" command takes at most " + max + " arguments");
        }
    }

    /** C's atoll: optional blanks and sign, then the leading digits; 0 when there are none. */
    static long atoll(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([+-]?\\d+)").matcher(s);
        if (!m.find()) {
            return 0;
        }
        String digits = m.group(1);
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static Bridge bridge(Vswitch vs, List<String> args, int i) {
        if (args.size() <= i) {
            throw new ServerError("\"" + "command" + "\" command requires at least 1 arguments");
        }
        return vs.bridge(args.get(i)).orElseThrow(() -> new ServerError("no such bridge"));
    }

    private static String trace(Vswitch vs, List<String> raw) {
        boolean generate = false;
        List<Integer> ctNext = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if (a.equals("-generate") || a.equals("--generate")) {
                generate = true;
            } else if (a.equals("--ct-next") && i + 1 < raw.size()) {
                ctNext.add(ctState(raw.get(++i)));
            } else {
                args.add(a);
            }
        }
        Tracer tracer = new Tracer(vs);
        Bridge bridge;
        Flow flow;
        try {
            String last = args.isEmpty() ? "" : args.get(args.size() - 1);
            if (OdpFlowText.looksLikeOdp(last)) {
                OdpFlowText.Resolved r = OdpFlowText.parse(last, vs, tracer.datapath());
                bridge = r.bridge();
                flow = r.flow();
            } else if (args.size() != 2) {
                throw new ServerError("Bad datapath flow syntax (or the bridge name was omitted)");
            } else {
                bridge = vs.bridge(args.get(0)).orElseThrow(() -> new ServerError(args.get(0) + ": unknown bridge"));
                try {
                    flow = FlowText.parse(last, bridge, new ArrayList<>());
                } catch (FlowSyntaxException e) {
                    throw new ServerError("Bad openflow flow syntax: " + last + ": " + e.getMessage());
                }
            }
        } catch (FlowSyntaxException e) {
            throw new ServerError(e.getMessage());
        }
        TraceResult r = tracer.trace(bridge, flow, generate ? Tracer.Mode.GENERATE : Tracer.Mode.DRY, ctNext, 64);
        return TracePrinter.render(r);
    }

    private static int ctState(String flags) {
        int bits = 0;
        String[] names = {"new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat"};
        for (String f : flags.split("[,|+]")) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(f.trim())) {
                    bits |= 1 << i;
                }
            }
        }
        return bits;
    }

    private static String flush(Vswitch vs, List<String> args) {
        if (args.isEmpty()) {
            vs.bridges().forEach(b -> b.fdb().flush());
        } else {
            bridge(vs, args, 0).fdb().flush();
        }
        return "table successfully flushed\n";
    }

    private static String fdbAdd(Vswitch vs, List<String> args) {
        if (args.size() < 4) {
            throw new ServerError("\"fdb/add\" command requires at least 4 arguments");
        }
        Bridge b = bridge(vs, args, 0);
        var p = b.port(args.get(1));
        if (p == null) {
            throw new ServerError("no such port");
        }
        b.fdb().addStatic(Integer.parseInt(args.get(2)), MacAddress.parseBits(args.get(3)), p.ofport());
        return "";
    }

    private static String fdbDel(Vswitch vs, List<String> args) {
        if (args.size() < 3) {
            throw new ServerError("\"fdb/del\" command requires at least 3 arguments");
        }
        Bridge b = bridge(vs, args, 0);
        if (!b.fdb().delete(Integer.parseInt(args.get(1)), MacAddress.parseBits(args.get(2)))) {
            throw new ServerError("delete entry failed");
        }
        return "";
    }

    private static String hiddenFlows(Bridge b) {
        StringBuilder sb = new StringBuilder();
        for (var t : b.tables()) {
            for (Rule r : t.rules()) {
                sb.append(FlowModText.formatNoStats(r.mod(), dev.packetwalk.ovs.flow.Protocol.OPENFLOW10, null))
                        .append('\n');
            }
        }
        sb.append("table_id=254, duration=0s, n_packets=0, n_bytes=0, priority=0,reg0=0x3,actions=drop\n");
        sb.append("table_id=254, duration=0s, n_packets=0, n_bytes=0, priority=0,reg0=0x2,actions=drop\n");
        sb.append("table_id=254, duration=0s, n_packets=0, n_bytes=0, priority=0,reg0=0x1,actions=controller(reason=no_match)\n");
        sb.append("table_id=254, duration=0s, n_packets=0, n_bytes=0, priority=2,recirc_id=0,actions=drop\n");
        return sb.toString();
    }

    /** fdb/show and fdb/stats-show text (ovs.md §2.4). */
    static final class FdbText {
        private FdbText() {
        }

        static String show(Bridge b, long now) {
            StringBuilder sb = new StringBuilder(" port  VLAN  MAC                Age\n");
            for (MacTable.MacEntry e : b.fdb().entries(now)) {
                String port = e.port() == OfPort.LOCAL ? "LOCAL" : Integer.toString(e.port());
                String age = e.isStatic() ? "static" : Long.toString((now - e.usedNanos()) / 1_000_000_000L);
                sb.append(String.format("%5s  %4d  %s  %3s%n", port, e.vlan(), MacAddress.format(e.mac()), age));
            }
            return sb.toString();
        }

        static String stats(Bridge b, long now) {
            int n = b.fdb().entries(now).size();
            return "Statistics for bridge \"" + b.name() + "\":\n"
                    + "  Current/maximum MAC entries in the table: " + n + "/" + b.fdb().maxEntries() + "\n"
                    + "  Total number of learned MAC entries     : " + n + "\n"
                    + "  Total number of expired MAC entries     : 0\n"
                    + "  Total number of evicted MAC entries     : 0\n"
                    + "  Total number of port moved MAC entries  : 0\n";
        }
    }
}
