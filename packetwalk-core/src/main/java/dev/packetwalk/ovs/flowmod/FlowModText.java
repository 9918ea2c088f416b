package dev.packetwalk.ovs.flowmod;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.action.ActionContext;
import dev.packetwalk.ovs.action.ActionText;
import dev.packetwalk.ovs.flow.FlowFormats;
import dev.packetwalk.ovs.flow.FlowItems;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.LogLine;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.MatchBuilder;
import dev.packetwalk.ovs.flow.MatchText;
import dev.packetwalk.ovs.flow.MatchWire;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;

/**
 * {@code ovs-ofctl add-flow} lines and flow filters ({@code dump-flows}, {@code del-flows},
 * {@code mod-flows}) in OVS 3.1 syntax, and the {@code --no-stats} dump line of a flow.
 */
public final class FlowModText {
    private FlowModText() {
    }

    /** The parts of a flow line before the match is built. */
    private static final class Header {
        int table = -1;
        int priority = FlowMod.DEFAULT_PRIORITY;
        boolean priorityGiven;
        long cookie;
        long cookieMask;
        boolean cookieMasked;
        long newCookie;
        boolean cookieSet;
        int outPort = FlowFilter.ANY_PORT;
        PortNames ports = PortNames.NONE;
        boolean cookieGiven;
        int idle;
        int hard;
        int importance;
        Set<FlowModFlag> flags = EnumSet.noneOf(FlowModFlag.class);
        /** What the table, flags and cookie mask allow ({@link FlowFormats} bits). */
        int usable = FlowFormats.ANY;
    }

    /**
     * Parses an {@code add-flow} / {@code add-flows} line.
     *
     * @param log receives ovs-ofctl's stderr log lines (normalisation INFO, deprecation WARN)
     * @throws FlowSyntaxException with the message ovs-ofctl prints after {@code ovs-ofctl: }
     */
    public static FlowMod parse(String line, Protocol protocol, PortNames ports, List<LogLine> log) {
        FlowMod mod = parseAdd(line, protocol, ports, log);
        if (mod.table() == 254) {
            throw new FlowSyntaxException("OFPBRC_EPERM", List.of(), "OFPBRC_EPERM");
        }
        return mod;
    }

    /** Parses an add as ovs-ofctl does, leaving the switch's checks (read-only table 254) to the switch. */
    public static FlowMod parseAdd(String line, Protocol protocol, PortNames ports, List<LogLine> log) {
        return parseMod(line, FlowModCommand.ADD, new Header(), protocol, ports, log);
    }

    /**
     * Parses a {@code mod-flows} line ({@code strict} for {@code --strict}): the flows to select
     * and the new actions. OpenFlow 1.0 sends a modify's cookie as the new cookie (0 when none is
     * given, so a plain modify clears cookies) and adds the flow when nothing matches, unless a
     * cookie mask was given; OpenFlow 1.3 keeps cookies, never adds, and modifies only table 0
     * when no table is given.
     */
    public static FlowModify parseModify(String line, boolean strict, Protocol protocol, PortNames ports,
            List<LogLine> log) {
        Header h = new Header();
        FlowModCommand kind = strict ? FlowModCommand.MODIFY_STRICT : FlowModCommand.MODIFY;
        FlowMod mod = parseMod(line, kind, h, protocol, ports, log);
        int table = h.table < 0 ? FlowFilter.ALL_TABLES : h.table;
        if (protocol != Protocol.OPENFLOW10 && table == FlowFilter.ALL_TABLES) {
            table = 0; // OpenFlow 1.1+ allows "all tables" only for deletes: ovs-ofctl sends table 0
        }
        FlowFilter criteria = new FlowFilter(table, h.cookie, h.cookieMask, mod.match(),
                strict ? h.priority : FlowFilter.NO_PRIORITY, strict);
        boolean of10 = protocol == Protocol.OPENFLOW10;
        boolean noMask = h.cookieMask == 0;
        long newCookie = h.cookieSet ? h.newCookie : 0;
        boolean setsCookie = of10 && (noMask || h.cookieSet);
        FlowMod template = new FlowMod(mod.table(), mod.priority(), newCookie, mod.idleTimeout(),
                mod.hardTimeout(), 0, mod.flags(), mod.match(), mod.actions(), protocol);
        return new FlowModify(criteria, template, setsCookie, of10 && noMask);
    }

    private static FlowMod parseMod(String line, FlowModCommand kind, Header h, Protocol protocol, PortNames ports,
            List<LogLine> log) {
        int act = line.indexOf("action");
        int eq = act < 0 ? -1 : line.indexOf('=', act);
        if (eq < 0) {
            throw new FlowSyntaxException("must specify an action");
        }
        String matchText = line.substring(0, act);
        String actionText = line.substring(eq + 1);
        h.ports = ports;
        MatchBuilder mb = new MatchBuilder(ports, log);
        items(matchText, h, mb, kind);
        int table = h.table < 0 || h.table == 255 ? 0 : h.table;
        Match match = mb.build(protocol);
        ActionContext ctx = new ActionContext(protocol, ports, match, h.table < 0 ? 255 : h.table, log);
        List<Action> parsed = ActionText.parse(actionText, ctx);
        h.usable = mb.usable() & h.usable & ActionText.usableFormats(parsed, match);
        long cookie = h.cookieSet ? h.newCookie : 0;
        return sent(kind, new FlowMod(table, h.priority, cookie, h.idle, h.hard, h.importance, h.flags, match, parsed,
                protocol), h.usable, mb.decodes(), ctx);
    }

    /**
     * A checked flow_mod as the switch keeps it once sent: refused with ovs-ofctl's message when
     * none of the {@code usable} protocols is allowed or the match does not decode, else with
     * the actions as they read after the wire and, for an OpenFlow 1.0 add, {@code reset_counts}.
     */
    static FlowMod sent(FlowModCommand kind, FlowMod mod, int usable, boolean decodes, ActionContext ctx) {
        Protocol protocol = mod.protocol();
        if (usable == FlowFormats.NONE) {
            throw new FlowSyntaxException("actions are invalid with specified match (OFPBAC_MATCH_INCONSISTENT)");
        }
        if ((usable & FlowFormats.allowed(protocol)) == 0) {
            throw new FlowSyntaxException(FlowFormats.notAllowed(usable, protocol));
        }
        if (!decodes) {
            throw new FlowSyntaxException("OFPBMC_BAD_PREREQ", List.of(), "OFPBMC_BAD_PREREQ");
        }
        List<Action> actions = ActionText.received(mod.actions(), ctx);
        Set<FlowModFlag> flags = mod.flags();
        if (protocol == Protocol.OPENFLOW10 && kind == FlowModCommand.ADD) {
            flags = EnumSet.copyOf(flags.isEmpty() ? EnumSet.of(FlowModFlag.RESET_COUNTS) : flags);
            flags.add(FlowModFlag.RESET_COUNTS);
        }
        return new FlowMod(mod.table(), mod.priority(), mod.cookie(), mod.idleTimeout(), mod.hardTimeout(),
                mod.importance(), flags, mod.match(), actions, protocol);
    }

    /**
     * The protocols ovs-ofctl could send this flow_mod line in ({@link FlowFormats} bits): what its
     * match fields, table, flags, cookie mask and actions allow. The line must parse.
     */
    public static int usableFormats(String line, FlowModCommand kind, Protocol protocol, PortNames ports) {
        Header h = new Header();
        List<LogLine> ignored = new ArrayList<>();
        if (kind.takesActions()) {
            try {
                parseMod(line, kind, h, protocol, ports, ignored);
            } catch (FlowSyntaxException e) {
                // the switch's own checks may refuse it; h.usable is set before them
            }
            return h.usable;
        }
        h.ports = ports;
        MatchBuilder mb = new MatchBuilder(ports, ignored);
        items(line, h, mb, kind);
        mb.build(protocol);
        return h.usable & mb.usable();
    }

    /**
     * Parses the flow argument of {@code dump-flows}/{@code del-flows}/{@code mod-flows} (no
     * actions): table, cookie (with {@code /mask}, {@code /-1} = exact), match and, for strict
     * commands, priority.
     */
    public static FlowFilter parseFilter(String text, boolean strict, Protocol protocol, PortNames ports,
            List<LogLine> log) {
        return parseFilter(text, strict ? FlowModCommand.DELETE_STRICT : FlowModCommand.DELETE, protocol, ports, log);
    }

    /**
     * Parses the flow argument of a {@link FlowModCommand#DUMP dump} or a delete, accepting the
     * keywords ovs-ofctl accepts for that command (priority only for a strict delete).
     */
    public static FlowFilter parseFilter(String text, FlowModCommand kind, Protocol protocol, PortNames ports,
            List<LogLine> log) {
        Header h = new Header();
        h.ports = ports;
        MatchBuilder mb = new MatchBuilder(ports, log);
        items(text, h, mb, kind);
        Match match = mb.build(protocol);
        int table = h.table < 0 ? FlowFilter.ALL_TABLES : h.table;
        boolean strict = kind.isStrict();
        int priority = h.priorityGiven || strict ? h.priority : FlowFilter.NO_PRIORITY;
        return new FlowFilter(table, h.cookie, h.cookieMask, match, priority, strict, h.outPort);
    }

    /** Applies each {@code key[=value]} item in ovs-ofctl's order of interpretation. */
    private static void items(String text, Header h, MatchBuilder mb, FlowModCommand kind) {
        for (String[] kv : FlowItems.split(text)) {
            String key = kv[0];
            String v = kv[1];
            FlowModFlag f = FlowModFlag.byKeyword(key);
            if (f != null && kind.takesTimeoutsAndFlags()) {
                h.flags.add(f);
                h.usable &= f.usable();
            } else if (key.equals("no_readonly_table") || key.equals("allow_hidden_fields")) {
                continue;
            } else if (!mb.apply(key, v)) {
                if (v == null) {
                    throw new FlowSyntaxException("field " + key + " missing value");
                }
                keyword(key, v, h, mb, kind);
            }
        }
    }

    private static void keyword(String key, String v, Header h, MatchBuilder mb, FlowModCommand kind) {
        boolean timeouts = kind.takesTimeoutsAndFlags();
        boolean outPorts = !kind.takesActions();
        switch (key) {
            case "table" -> {
                h.table = table(v, mb);
                if (h.table != 255) {
                    h.usable &= FlowFormats.TID;
                }
            }
            case "cookie" -> cookie(v, h, kind);
            case "duration", "n_packets", "n_bytes", "idle_age", "hard_age" -> {
                // dump-flows output fed back: ignored, as ovs-ofctl does
            }
            default -> {
                if (outPorts && key.equals("out_port")) {
                    h.outPort = MatchBuilder.parsePort(v, h.ports, new ArrayList<>());
                    if (h.outPort < 0) {
                        throw new FlowSyntaxException(v + " is not a valid OpenFlow port");
                    }
                } else if (kind.takesPriority() && key.equals("priority")) {
                    h.priority = u16(v, "priority");
                    h.priorityGiven = true;
                } else if (timeouts && key.equals("idle_timeout")) {
                    h.idle = u16(v, "idle_timeout");
                } else if (timeouts && key.equals("hard_timeout")) {
                    h.hard = u16(v, "hard_timeout");
                } else if (kind.takesImportance() && key.equals("importance")) {
                    h.importance = u16(v, "importance");
                } else {
                    throw new FlowSyntaxException("unknown keyword " + key);
                }
            }
        }
    }

    private static int u16(String v, String name) {
        try {
            int n = Integer.parseInt(v == null ? "" : v);
            if (n >= 0 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to OVS's message
        }
        throw new FlowSyntaxException("invalid " + name + " \"" + v + "\"");
    }

    private static int table(String v, MatchBuilder mb) {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new FlowSyntaxException("unknown table \"" + v + "\"");
        }
        if (n < 0 || n > 255) {
            throw new FlowSyntaxException("unknown table \"" + v + "\"", List.of(n < 0
                    ? LogLine.warn("ofp_table", "Negative value " + v + " is not a valid table number.")
                    : LogLine.warn("ofp_table", "table " + v + " is outside the supported range 0 through 255")),
                    null);
        }
        return (int) n;
    }

    private static void cookie(String v, Header h, FlowModCommand kind) {
        int slash = v.indexOf('/');
        h.cookieGiven = true;
        if (slash >= 0) {
            if (kind == FlowModCommand.ADD) {
                throw new FlowSyntaxException("flow additions cannot use a cookie mask");
            }
            h.cookie = number(v.substring(0, slash), "cookie");
            h.cookieMasked = true;
            String m = v.substring(slash + 1);
            h.cookieMask = m.equals("-1") ? -1L : number(m, "cookie mask");
            if (h.cookieMask != 0) {
                h.usable &= FlowFormats.NXM_OF11_UP;
            }
        } else {
            if (!kind.setsCookie()) {
                throw new FlowSyntaxException("cannot set cookie (to match on a cookie, specify a mask, e.g. cookie="
                        + v + "/-1)");
            }
            h.newCookie = number(v, "cookie");
            h.cookieSet = true;
        }
    }

    private static long number(String s, String what) {
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16)
                    : Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new FlowSyntaxException("invalid " + what + " \"" + s + "\"");
        }
    }

    /**
     * The line {@code dump-flows --no-stats} prints for a flow (without the leading space):
     * {@code cookie=0x5, table=1, priority=20,in_port=1 actions=drop}.
     */
    public static String formatNoStats(FlowMod f, Protocol dump, PortNames names) {
        StringBuilder sb = new StringBuilder();
        if (f.cookie() != 0) {
            sb.append("cookie=0x").append(Long.toHexString(f.cookie())).append(", ");
        }
        if (f.table() != 0) {
            sb.append("table=").append(f.table()).append(", ");
        }
        appendTimeoutsAndFlags(sb, f, dump);
        appendMatchAndActions(sb, f, dump, names);
        return sb.toString();
    }

    /** The {@code idle_timeout=}, {@code hard_timeout=} items and (OF1.1+ dumps) the flags, as dumps print them. */
    public static void appendTimeoutsAndFlags(StringBuilder sb, FlowMod f, Protocol dump) {
        if (f.idleTimeout() != 0) {
            sb.append("idle_timeout=").append(f.idleTimeout()).append(", ");
        }
        if (f.hardTimeout() != 0) {
            sb.append("hard_timeout=").append(f.hardTimeout()).append(", ");
        }
        if (dump != Protocol.OPENFLOW10) {
            for (FlowModFlag flag : FlowModFlag.values()) {
                if (f.flags().contains(flag)) {
                    sb.append(flag.keyword()).append(' ');
                }
            }
        }
    }

    /** The match (with priority, as the switch keeps it for that protocol) and {@code actions=...}. */
    public static void appendMatchAndActions(StringBuilder sb, FlowMod f, Protocol dump, PortNames names) {
        String match = MatchText.format(MatchWire.received(f.match(), dump), f.priority(), names);
        if (!match.isEmpty()) {
            sb.append(match).append(' ');
        }
        sb.append("actions=").append(ActionText.format(f.actions(), dump, names));
    }

    /** Splits {@code add-flows} file content into flow lines (blank and {@code #} lines skipped). */
    public static List<String> flowLines(String file) {
        List<String> out = new ArrayList<>();
        for (String l : file.split("\n", -1)) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        return out;
    }
}
