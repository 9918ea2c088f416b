package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Invocation;
import dev.packetwalk.ovs.action.ActionText;
import dev.packetwalk.ovs.flow.FlowFormats;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.LogLine;
import dev.packetwalk.ovs.flow.MatchText;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowChange;
import dev.packetwalk.ovs.flowmod.FlowFilter;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.flowmod.FlowModCommand;
import dev.packetwalk.ovs.flowmod.FlowModFlag;
import dev.packetwalk.ovs.flowmod.FlowModText;
import dev.packetwalk.ovs.flowmod.FlowModify;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.FlowMods;
import dev.packetwalk.ovs.ofproto.OpenFlowError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code add-flow}, {@code add-flows}, {@code mod-flows} and {@code del-flows}: every flow is
 * parsed first (a parse error changes nothing), then sent one by one; the first switch error
 * is printed as ovs-ofctl prints an OFPT_ERROR and stops the run.
 */
final class OfctlFlowMods {
    private OfctlFlowMods() {
    }

    /** One parsed flow_mod, ready to send, with what an error reply about it prints. */
    private record Request(FlowModCommand command, FlowMod mod, FlowModify modify, FlowFilter filter, String text,
            PortNames ports) {
        FlowChange change() {
            return switch (command) {
                case ADD -> new FlowChange.Add(mod);
                case MODIFY, MODIFY_STRICT -> new FlowChange.Modify(modify);
                default -> new FlowChange.Delete(filter);
            };
        }
    }

    static int addFlow(Invocation inv, OfctlOptions o, Bridge b, List<String> args, OfctlLog log) {
        return oneOrFile(inv, o, b, args.get(0), FlowModCommand.ADD, log);
    }

    static int addFlows(Invocation inv, OfctlOptions o, Bridge b, List<String> args, OfctlLog log) {
        return file(inv, o, b, args.get(0), null, log);
    }

    static int modFlows(Invocation inv, OfctlOptions o, Bridge b, List<String> args, OfctlLog log) {
        return oneOrFile(inv, o, b, args.get(0), o.strict ? FlowModCommand.MODIFY_STRICT : FlowModCommand.MODIFY, log);
    }

    static int delFlows(Invocation inv, OfctlOptions o, Bridge b, List<String> args, OfctlLog log) {
        return oneOrFile(inv, o, b, args.isEmpty() ? "" : args.get(0),
                o.strict ? FlowModCommand.DELETE_STRICT : FlowModCommand.DELETE, log);
    }

    private static int oneOrFile(Invocation inv, OfctlOptions o, Bridge b, String text, FlowModCommand cmd,
            OfctlLog log) {
        if (text.equals("-")) {
            return file(inv, o, b, "-", cmd, log);
        }
        List<LogLine> lines = new ArrayList<>();
        Request r;
        try {
            r = parse(text, cmd, o.protocol, b, lines);
        } finally {
            log.write(lines);
        }
        return send(inv, o, b, List.of(r));
    }

    /** Flow lines of a file (or stdin for {@code -}); with {@code fixed} null each line may start with a command. */
    private static int file(Invocation inv, OfctlOptions o, Bridge b, String name, FlowModCommand fixed, OfctlLog log) {
        String content;
        if (name.equals("-")) {
            content = inv.stdin();
        } else {
            try {
                content = Files.readString(Path.of(name), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                inv.errln("ovs-ofctl: " + name + ": open failed (No such file or directory)");
                return 1;
            } catch (IOException e) {
                inv.errln("ovs-ofctl: " + name + ": open failed (" + e.getMessage() + ")");
                return 1;
            }
        }
        List<Request> requests = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        List<LogLine> logLines = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<FlowModCommand> commands = new ArrayList<>();
        boolean formatsFailed = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            FlowModCommand cmd = fixed;
            if (cmd == null) {
                int end = 0;
                while (end < line.length() && ", \t\r\n".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                cmd = leadingCommand(line.substring(0, end));
                if (cmd != null) {
                    line = line.substring(end);
                } else {
                    cmd = FlowModCommand.ADD;
                }
            }
            try {
                requests.add(parse(line, cmd, o.protocol, b, logLines));
            } catch (FlowSyntaxException e) {
                if (!e.getMessage().startsWith(FORMATS)) {
                    log.write(logLines);
                    throw new FlowSyntaxException(name + ":" + (i + 1) + ": " + e.getMessage(), e.log(), e.ofpError());
                }
                formatsFailed = true;
            }
            texts.add(line);
            commands.add(cmd);
        }
        log.write(logLines);
        if (formatsFailed) {
            int usable = FlowFormats.ANY;
            for (int i = 0; i < texts.size(); i++) {
                usable &= FlowModText.usableFormats(texts.get(i), commands.get(i), o.protocol, b);
            }
            // ovs-ofctl parses the whole file, then needs one protocol every line can use
            throw new FlowSyntaxException(FlowFormats.notAllowed(usable, o.protocol));
        }
        return send(inv, o, b, requests);
    }

    private static final String FORMATS = "none of the usable flow formats";

    /** OVS's leading command word in add-flows files: a prefix of add, delete, ... in this order. */
    private static FlowModCommand leadingCommand(String token) {
        String[] words = {"add", "delete", "delete_strict", "modify", "modify_strict"};
        FlowModCommand[] cmds = {FlowModCommand.ADD, FlowModCommand.DELETE, FlowModCommand.DELETE_STRICT,
            FlowModCommand.MODIFY, FlowModCommand.MODIFY_STRICT};
        for (int i = 0; i < words.length; i++) {
            if (!token.isEmpty() && words[i].startsWith(token)) {
                return cmds[i];
            }
        }
        return null;
    }

    private static Request parse(String text, FlowModCommand cmd, Protocol p, PortNames ports, List<LogLine> log) {
        return switch (cmd) {
            case ADD -> new Request(cmd, FlowModText.parseAdd(text, p, ports, log), null, null, text, ports);
            case MODIFY, MODIFY_STRICT -> {
                FlowModify m = FlowModText.parseModify(text, cmd.isStrict(), p, ports, log);
                yield new Request(cmd, m.template(), m, m.criteria(), text, ports);
            }
            default -> {
                FlowFilter f = FlowModText.parseFilter(text, cmd, p, ports, log);
                yield new Request(cmd, null, null, f, text, ports);
            }
        };
    }

    private static int send(Invocation inv, OfctlOptions o, Bridge b, List<Request> requests) {
        List<FlowChange> changes = new ArrayList<>(requests.size());
        for (Request r : requests) {
            changes.add(r.change());
        }
        try {
            FlowMods.applyAll(b, changes);
        } catch (OpenFlowError e) {
            Request r = requests.get(e.index());
            int wire = FlowFormats.chosen(FlowModText.usableFormats(r.text(), r.command(), o.protocol, r.ports()),
                    o.protocol);
            inv.err().append(errorReply(e.code(), r, o.protocol, wire));
            return 1;
        }
        return 0;
    }

    /**
     * {@code OFPT_ERROR (xid=0x8): CODE} and the refused flow_mod as ovs-ofctl decodes it: an
     * {@code NXT_FLOW_MOD} when it was sent with NXM; each request that switched the connection
     * to that protocol (flow format, table-id extension) took two xids before it.
     */
    private static String errorReply(String code, Request r, Protocol p, int wire) {
        String ver = p == Protocol.OPENFLOW10 ? "" : " (OF1.3)";
        int xid = 6 + 2 * FlowFormats.switchRequests(wire);
        String x = " (xid=0x" + Integer.toHexString(xid) + "): ";
        StringBuilder sb = new StringBuilder();
        sb.append("OFPT_ERROR").append(ver).append(x).append(code).append('\n');
        sb.append((wire & FlowFormats.OF10_NXM_ANY) != 0 ? "NXT_FLOW_MOD" : "OFPT_FLOW_MOD").append(ver).append(x)
                .append(r.command().label());
        int table = r.filter() != null ? r.filter().table() : r.mod().table();
        if (table != 0) {
            sb.append(" table:").append(table);
        }
        sb.append(' ');
        boolean withPriority = r.mod() != null || r.filter().strict();
        int priority = r.mod() != null ? r.mod().priority() : r.filter().strict() ? r.filter().priority() : FlowMod.DEFAULT_PRIORITY;
        String match = MatchText.format(r.filter() != null ? r.filter().match() : r.mod().match(),
                withPriority ? priority : FlowMod.DEFAULT_PRIORITY, PortNames.NONE);
        if (!match.isEmpty()) {
            sb.append(match).append(' ');
        }
        FlowMod m = r.mod();
        long newCookie = r.command() == FlowModCommand.ADD ? m.cookie()
                : r.modify() != null && r.modify().setsCookie() ? m.cookie() : 0;
        if (newCookie != 0 && newCookie != -1L) {
            sb.append("cookie:0x").append(Long.toHexString(newCookie)).append(' ');
        }
        if (r.filter() != null && r.filter().cookieMask() != 0) {
            sb.append("cookie:0x").append(Long.toHexString(r.filter().cookie())).append("/0x")
                    .append(Long.toHexString(r.filter().cookieMask())).append(' ');
        }
        if (m != null) {
            if (m.idleTimeout() != 0) {
                sb.append("idle:").append(m.idleTimeout()).append(' ');
            }
            if (m.hardTimeout() != 0) {
                sb.append("hard:").append(m.hardTimeout()).append(' ');
            }
            for (FlowModFlag f : FlowModFlag.values()) {
                if (m.flags().contains(f) && !(f == FlowModFlag.RESET_COUNTS && p == Protocol.OPENFLOW10)) {
                    sb.append(f.keyword()).append(' ');
                }
            }
        }
        sb.append("actions=").append(m == null ? "drop" : ActionText.format(m.actions(), p, PortNames.NONE));
        return sb.append('\n').toString();
    }
}
