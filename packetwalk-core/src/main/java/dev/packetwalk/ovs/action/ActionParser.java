package dev.packetwalk.ovs.action;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.FlowItems;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.MatchBuilder;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.flow.Subfield;

/** Parses one action list ({@code ofpacts_parse}); keyword syntaxes are looked up in a table. */
final class ActionParser {
    /** One action keyword's syntax: value is the text after ':' or '=' or inside '(...)', or null. */
    @FunctionalInterface
    interface Syntax {
        Action parse(String value, ActionParser p);
    }

    static final Object DROP = new Object();
    private static final Map<String, Syntax> SYNTAX = new HashMap<>();

    static {
        SYNTAX.put("output", ActionParser::output);
        SYNTAX.put("controller", (v, p) -> p.controller(v));
        SYNTAX.put("enqueue", (v, p) -> {
            String[] a = v.split("[:,]");
            return new Action.Enqueue(p.port(a[0]), (int) Values.number(a[1], "invalid queue"));
        });
        SYNTAX.put("goto_table", (v, p) -> p.gotoTable(v));
        SYNTAX.put("mod_vlan_vid", (v, p) -> Action.SetVlanVid.of(
                Values.bounded(v, 4095, v + ": not a valid VLAN VID")));
        SYNTAX.put("mod_vlan_pcp", (v, p) -> Action.SetVlanPcp.of(
                Values.bounded(v, 7, v + ": not a valid VLAN PCP")));
        SYNTAX.put("strip_vlan", (v, p) -> new Action.StripVlan());
        SYNTAX.put("pop_vlan", (v, p) -> new Action.StripVlan());
        SYNTAX.put("push_vlan", (v, p) -> new Action.PushVlan((int) Values.number(v, v + ": not a valid ethertype")));
        for (ModKind k : ModKind.values()) {
            SYNTAX.put(k.keyword(), (v, p) -> p.mod(k, v));
        }
        SYNTAX.put("set_field", (v, p) -> SetFieldSyntax.setField(v, p.ctx, p.inCt));
        SYNTAX.put("load", (v, p) -> SetFieldSyntax.load(v, p.inCt));
        SYNTAX.put("move", (v, p) -> SetFieldSyntax.move(v, p.ctx));
        SYNTAX.put("set_tunnel", (v, p) -> {
            long id = Values.number(v, v + ": invalid tunnel id");
            return new Action.SetTunnel(id, (id >>> 32) != 0);
        });
        SYNTAX.put("set_tunnel64", (v, p) -> new Action.SetTunnel(Values.number(v, v + ": invalid tunnel id"), true));
        SYNTAX.put("learn", (v, p) -> LearnSyntax.parse(v, p.ctx));
        SYNTAX.put("conjunction", (v, p) -> conjunction(v));
        SYNTAX.put("ct", (v, p) -> CtSyntax.parse(v == null ? "" : v, p.ctx));
        SYNTAX.put("ct_clear", (v, p) -> new Action.CtClear());
        SYNTAX.put("note", (v, p) -> note(v));
        SYNTAX.put("dec_ttl", (v, p) -> decTtl(v));
        SYNTAX.put("exit", (v, p) -> new Action.Exit());
        SYNTAX.put("clone", (v, p) -> new Action.Clone(p.nested(v)));
        SYNTAX.put("fin_timeout", (v, p) -> finTimeout(v));
        SYNTAX.put("sample", (v, p) -> sample(v));
        SYNTAX.put("set_queue", (v, p) -> new Action.SetQueue(Values.number(v, v + ": invalid queue")));
        SYNTAX.put("pop_queue", (v, p) -> new Action.PopQueue());
        SYNTAX.put("push", (v, p) -> new Action.StackPush(SetFieldSyntax.subfield(v, v)));
        SYNTAX.put("pop", (v, p) -> new Action.StackPop(SetFieldSyntax.subfield(v, v)));
        SYNTAX.put("write_metadata", (v, p) -> writeMetadata(v));
        SYNTAX.put("write_actions", (v, p) -> new Action.WriteActions(p.nested(v)));
        SYNTAX.put("clear_actions", (v, p) -> new Action.ClearActions());
        SYNTAX.put("meter", (v, p) -> new Action.Meter(Values.number(v, v + ": invalid meter")));
        SYNTAX.put("group", (v, p) -> new Action.Group(Values.number(v, v + ": invalid group")));
        SYNTAX.put("multipath", (v, p) -> new Action.Multipath(v));
        SYNTAX.put("bundle", (v, p) -> new Action.Bundle(v));
    }

    final ActionContext ctx;
    final boolean inCt;

    ActionParser(ActionContext ctx, boolean inCt) {
        this.ctx = ctx;
        this.inCt = inCt;
    }

    List<Action> parse(String text) {
        List<Action> out = new ArrayList<>();
        boolean drop = false;
        for (String[] kv : FlowItems.split(text)) {
            String key = kv[0];
            String value = kv[1];
            if (key.equalsIgnoreCase("drop")) {
                drop = true;
                continue;
            }
            String lower = key.toLowerCase(java.util.Locale.ROOT);
            List<Action> wide = lower.equals("load") || lower.equals("set_field")
                    ? SetFieldSyntax.wideWrite(lower, value) : null;
            if (wide != null) {
                out.addAll(wide);
            } else {
                out.add(one(key, value, kv[2]));
            }
        }
        if (drop && !out.isEmpty()) {
            throw new FlowSyntaxException("\"drop\" must not be accompanied by any other action or instruction");
        }
        return out;
    }

    List<Action> nested(String text) {
        return new ActionParser(ctx, inCt).parse(text == null ? "" : text);
    }

    private Action one(String key, String value, String sep) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("resubmit")) {
            return resubmit(value, sep);
        }
        Syntax s = SYNTAX.get(lower);
        if (s != null && !lower.equals("controller") && !lower.equals("in_port") && !lower.equals("local")) {
            return s.parse(value, this);
        }
        if (lower.equals("controller")) {
            if (sep != null && sep.equals("(")) {
                return controller(value);
            }
            return Action.Controller.of(value == null ? 65535 : Values.bounded(value, 65535, "invalid max_len"));
        }
        if (value == null) {
            int reserved = OfPort.reservedNumber(key);
            if (reserved >= 0 && reserved != OfPort.NONE) {
                return portOutput(reserved, key);
            }
            int n = MatchBuilder.parsePort(key, ctx.ports(), ctx.log());
            if (n >= 0) {
                return portOutput(n, key);
            }
        }
        throw new FlowSyntaxException("unknown action " + key);
    }

    private Action portOutput(int port, String text) {
        if (port == OfPort.CONTROLLER) {
            return Action.Controller.of(65535);
        }
        if (port == OfPort.NONE || port >= OfPort.MAX && port < OfPort.IN_PORT) {
            throw badOutPort();
        }
        return Action.Output.to(port);
    }

    static FlowSyntaxException badOutPort() {
        return new FlowSyntaxException("actions are invalid with specified match (OFPBAC_BAD_OUT_PORT)");
    }

    int port(String s) {
        int n = MatchBuilder.parsePort(s, ctx.ports(), ctx.log());
        if (n < 0) {
            throw new FlowSyntaxException(s + ": output to unknown port");
        }
        return n;
    }

    private static Action output(String v, ActionParser p) {
        if (v == null) {
            throw new FlowSyntaxException("unknown action output");
        }
        if (v.startsWith("port=") || v.contains("max_len=")) {
            int port = -1;
            int maxLen = Action.Output.NO_MAX_LEN;
            for (String[] kv : FlowItems.split(v)) {
                if (kv[0].equals("port")) {
                    port = p.port(kv[1]);
                } else if (kv[0].equals("max_len")) {
                    maxLen = Values.bounded(kv[1], 65535, "invalid max_len");
                }
            }
            return new Action.Output(port, maxLen);
        }
        int n = MatchBuilder.parsePort(v, p.ctx.ports(), p.ctx.log());
        if (n >= 0) {
            return p.portOutput(n, v);
        }
        if (!v.isEmpty() && Character.isDigit(v.charAt(0))) {
            throw new FlowSyntaxException(v + ": output to unknown port");
        }
        try {
            return new Action.OutputField(Subfield.parse(v), Action.Output.NO_MAX_LEN);
        } catch (IllegalArgumentException e) {
            throw new FlowSyntaxException(v + ": output to unknown port");
        }
    }

    private Action controller(String v) {
        int maxLen = 65535;
        String reason = "action";
        int id = 0;
        String userdata = null;
        boolean pause = false;
        int meter = Action.Controller.NO_METER;
        for (String[] kv : FlowItems.split(v == null ? "" : v)) {
            switch (kv[0]) {
                case "max_len" -> maxLen = Values.bounded(kv[1], 65535, "invalid max_len");
                case "reason" -> reason = kv[1];
                case "id" -> id = Values.bounded(kv[1], 65535, "invalid id");
                case "userdata" -> userdata = kv[1];
                case "pause" -> pause = true;
                case "meter_id" -> meter = (int) Values.number(kv[1], "invalid meter_id");
                default -> throw new FlowSyntaxException("unknown argument " + kv[0] + " to controller action");
            }
        }
        return new Action.Controller(maxLen, reason, id, userdata, pause, meter);
    }

    private Action resubmit(String v, String sep) {
        if (v == null) {
            throw new FlowSyntaxException("unknown action resubmit");
        }
        if (!"(".equals(sep)) {
            return new Action.Resubmit(port(v), Action.Resubmit.CURRENT_TABLE, false);
        }
        String[] a = v.split(",", -1);
        int inPort = a[0].isEmpty() || a[0].equals("in_port") ? OfPort.IN_PORT : port(a[0]);
        int table = a.length < 2 || a[1].isEmpty() ? Action.Resubmit.CURRENT_TABLE
                : Values.bounded(a[1], 255, "invalid table");
        boolean ct = a.length > 2 && a[2].equals("ct");
        if (inPort == OfPort.IN_PORT && table == Action.Resubmit.CURRENT_TABLE) {
            throw new FlowSyntaxException("at least one \"in_port\" or \"table\" must be specified on resubmit");
        }
        Action.Resubmit r = new Action.Resubmit(inPort, table, ct);
        checkContext(r, ctx);
        return r;
    }

    private Action gotoTable(String v) {
        Action.GotoTable g = new Action.GotoTable(Values.bounded(v, 254, "invalid table"));
        checkContext(g, ctx);
        return g;
    }

    /**
     * The checks of resubmit and goto_table against the flow: {@code resubmit(,,ct)} needs
     * {@code +trk} matched, goto_table must go to a later table.
     */
    static void checkContext(Action a, ActionContext ctx) {
        if (a instanceof Action.Resubmit r && r.ct()
                && (ctx.match().mask(dev.packetwalk.ovs.flow.Flow.W_CT, 0, 16) & 0x20) == 0) {
            throw new FlowSyntaxException("actions are invalid with specified match (OFPBAC_MATCH_INCONSISTENT)");
        }
        if (a instanceof Action.GotoTable g && (g.table() < 0 || g.table() > 254
                || ctx.table() != 255 && g.table() <= ctx.table())) {
            throw new FlowSyntaxException("actions are invalid with specified match (OFPBIC_BAD_TABLE_ID)");
        }
    }

    private Action mod(ModKind k, String v) {
        long value = switch (k) {
            case DL_SRC, DL_DST -> {
                long m = MacAddress.parseBits(v);
                if (m < 0) {
                    throw new FlowSyntaxException(v + ": invalid Ethernet address");
                }
                yield m;
            }
            case NW_SRC, NW_DST -> {
                long ip = Ipv4.parseOrMinusOne(v);
                if (ip < 0) {
                    throw new FlowSyntaxException(v + ": invalid IP address");
                }
                yield ip;
            }
            case NW_TOS -> Values.bounded(v, 255, "invalid TOS");
            case NW_ECN -> Values.bounded(v, 3, "invalid ECN");
            case NW_TTL -> Values.bounded(v, 255, "invalid TTL");
            case TP_SRC, TP_DST -> Values.bounded(v, 65535, "invalid port");
        };
        return new Action.ModField(k, value);
    }

    private static Action conjunction(String v) {
        String[] a = v.split("[,/]");
        if (a.length != 3) {
            throw new FlowSyntaxException("\"conjunction\" syntax is \"conjunction(id,i/n)\"");
        }
        long id = Values.number(a[0].trim(), "\"conjunction\" syntax is \"conjunction(id,i/n)\"");
        int k = Values.bounded(a[1].trim(), 64, "\"conjunction\" syntax is \"conjunction(id,i/n)\"");
        int n = Values.bounded(a[2].trim(), 64, "\"conjunction\" syntax is \"conjunction(id,i/n)\"");
        if (n < 2) {
            throw new FlowSyntaxException("conjunction must have at least 2 clauses");
        }
        if (k < 1 || k > n) {
            throw new FlowSyntaxException("clause index must be positive and no greater than the number of clauses");
        }
        return new Action.Conjunction(id, k, n);
    }

    private static Action note(String v) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < v.length();) {
            char c = v.charAt(i);
            if (c == '.') {
                i++;
                continue;
            }
            if (i + 1 >= v.length() || Character.digit(c, 16) < 0 || Character.digit(v.charAt(i + 1), 16) < 0) {
                throw new FlowSyntaxException("bad hex digit in `note' argument");
            }
            hex.append(Character.toLowerCase(c)).append(Character.toLowerCase(v.charAt(i + 1)));
            i += 2;
        }
        int n = hex.length() / 2;
        int padded = n <= 6 ? 6 : 6 + ((n - 6 + 7) / 8) * 8;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < padded; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(i < n ? hex.substring(2 * i, 2 * i + 2) : "00");
        }
        return new Action.Note(out.toString());
    }

    private static Action decTtl(String v) {
        List<Integer> ids = new ArrayList<>();
        if (v != null) {
            for (String s : v.split(",")) {
                ids.add(Values.bounded(s.trim(), 65535, "invalid controller id"));
            }
        }
        return new Action.DecTtl(ids);
    }

    private static Action finTimeout(String v) {
        int idle = 0;
        int hard = 0;
        for (String[] kv : FlowItems.split(v)) {
            switch (kv[0]) {
                case "idle_timeout" -> idle = Values.bounded(kv[1], 65535, "invalid idle_timeout");
                case "hard_timeout" -> hard = Values.bounded(kv[1], 65535, "invalid hard_timeout");
                default -> throw new FlowSyntaxException("invalid key '" + kv[0] + "' in 'fin_timeout' argument");
            }
        }
        return new Action.FinTimeout(idle, hard);
    }

    private static Action sample(String v) {
        int prob = 0;
        long set = 0;
        long dom = 0;
        long point = 0;
        for (String[] kv : FlowItems.split(v)) {
            long n = Values.number(kv[1], "invalid " + kv[0]);
            switch (kv[0]) {
                case "probability" -> prob = (int) n;
                case "collector_set_id" -> set = n;
                case "obs_domain_id" -> dom = n;
                case "obs_point_id" -> point = n;
                default -> throw new FlowSyntaxException("invalid key \"" + kv[0] + "\" in \"sample\" argument");
            }
        }
        if (prob == 0) {
            throw new FlowSyntaxException("non-zero \"probability\" must be specified on sample");
        }
        return new Action.Sample(prob, set, dom, point);
    }

    private static Action writeMetadata(String v) {
        int slash = v.indexOf('/');
        long value = Values.number(slash < 0 ? v : v.substring(0, slash), v + ": invalid metadata");
        long mask = slash < 0 ? -1L : Values.number(v.substring(slash + 1), v + ": invalid metadata mask");
        return new Action.WriteMetadata(value, mask);
    }
}
