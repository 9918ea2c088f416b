package dev.packetwalk.host.command.linux;

import dev.packetwalk.linux.RuleFormat;
import dev.packetwalk.linux.route.Numbers;
import dev.packetwalk.linux.route.PolicyRule;
import dev.packetwalk.linux.route.RouteTables;
import dev.packetwalk.linux.route.RuleAction;
import dev.packetwalk.linux.route.RuleSelector;

/** {@code ip rule add|del|show|list}. */
final class IpRule implements IpObject {

    @Override
    public int run(IpContext ctx, IpArgs args) {
        if (!args.hasNext()) {
            ctx.print(RuleFormat.all(ctx.ns().fib().rules()));
            return 0;
        }
        String cmd = args.next();
        if (IpArgs.matches(cmd, "add")) {
            if (!args.hasNext()) {
                throw new IpFailure("\"ip rule add\" requires arguments.", 255);
            }
            Spec s = Spec.parse(args);
            RuleAction action = s.action != null ? s.action : RuleAction.LOOKUP;
            int table = s.table != null ? s.table : RouteTables.MAIN;
            PolicyRule r = new PolicyRule(s.priority, s.invert, s.src, s.srcLen, s.dst, s.dstLen,
                    s.tos, s.fwmark, s.fwmask, s.iif, s.oif, action, table, s.gotoTarget);
            ctx.ns().routing().addRule(r, s.hasPriority);
            return 0;
        }
        if (IpArgs.matches(cmd, "delete")) {
            Spec s = Spec.parse(args);
            ctx.ns().routing().deleteRule(new RuleSelector(s.hasPriority, s.priority, s.action,
                    s.table != null ? s.table : 0, s.src, s.srcLen, s.dst, s.dstLen, s.tos,
                    s.fwmark, s.fwmask, s.iif, s.oif));
            return 0;
        }
        if (IpArgs.matches(cmd, "show") || IpArgs.matches(cmd, "list") || cmd.equals("lst")) {
            ctx.print(RuleFormat.all(ctx.ns().fib().rules()));
            return 0;
        }
        throw new IpFailure("Command \"" + cmd + "\" is unknown, try \"ip rule help\".", 255);
    }

    /** The selectors and action words of {@code ip rule add|del}. */
    private static final class Spec {
        boolean invert;
        int src;
        int srcLen;
        int dst;
        int dstLen;
        int tos;
        int fwmark;
        int fwmask;
        String iif;
        String oif;
        boolean hasPriority;
        int priority;
        RuleAction action;
        Integer table;
        int gotoTarget;

        static Spec parse(IpArgs args) {
            Spec s = new Spec();
            while (args.hasNext()) {
                String w = args.next();
                switch (w) {
                    case "not" -> s.invert = true;
                    case "from" -> {
                        int[] p = selector(args.value());
                        s.src = p[0];
                        s.srcLen = p[1];
                    }
                    case "to" -> {
                        int[] p = selector(args.value());
                        s.dst = p[0];
                        s.dstLen = p[1];
                    }
                    case "tos", "dsfield" -> s.tos = number(args.value(), 255, "TOS value is invalid");
                    case "fwmark" -> {
                        String v = args.value();
                        int slash = v.indexOf('/');
                        s.fwmark = number(slash < 0 ? v : v.substring(0, slash), 0xffff_ffffL,
                                "fwmark value is invalid");
                        s.fwmask = slash < 0 ? -1 : number(v.substring(slash + 1), 0xffff_ffffL,
                                "fwmask value is invalid");
                    }
                    case "iif", "dev" -> s.iif = args.value();
                    case "oif" -> s.oif = args.value();
                    case "pref", "priority", "order", "preference" -> {
                        s.priority = number(args.value(), 0xffff_ffffL, "preference value is invalid");
                        s.hasPriority = true;
                    }
                    case "table", "lookup" -> {
                        String v = args.value();
                        s.table = RouteTables.parse(v);
                        if (s.table == null) {
                            throw IpFailure.invalidArgument("invalid table ID", v);
                        }
                        s.action = RuleAction.LOOKUP;
                    }
                    case "goto" -> {
                        s.gotoTarget = number(args.value(), 0xffff_ffffL, "invalid target");
                        s.action = RuleAction.GOTO;
                    }
                    case "nop" -> s.action = RuleAction.NOP;
                    case "blackhole" -> s.action = RuleAction.BLACKHOLE;
                    case "unreachable" -> s.action = RuleAction.UNREACHABLE;
                    case "prohibit" -> s.action = RuleAction.PROHIBIT;
                    case "type" -> s.action = switch (args.value()) {
                        case "blackhole" -> RuleAction.BLACKHOLE;
                        case "unreachable" -> RuleAction.UNREACHABLE;
                        case "prohibit" -> RuleAction.PROHIBIT;
                        default -> RuleAction.LOOKUP;
                    };
                    default -> throw new IpFailure("Error: argument \"" + w
                            + "\" is wrong: Failed to parse rule type\n", 255);
                }
            }
            return s;
        }

        private static int[] selector(String text) {
            if (text.equals("all") || text.equals("default") || text.equals("any")) {
                return new int[] {0, 0};
            }
            int[] p = IpArgs.prefix(text, "any valid");
            return new int[] {p[0], p[1] < 0 ? 32 : p[1]};
        }

        private static int number(String text, long max, String msg) {
            long v = Numbers.parseUnsignedLong(text, max);
            if (v < 0) {
                throw IpFailure.invalidArgument(msg, text);
            }
            return (int) v;
        }
    }
}
