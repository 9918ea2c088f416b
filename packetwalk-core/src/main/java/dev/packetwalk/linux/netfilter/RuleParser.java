package dev.packetwalk.linux.netfilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a rule specification ("-s 10.0.0.5 -p tcp --dport 22 -j ACCEPT") the way iptables
 * does: header options, "-m" modules in order (an unknown option loads the protocol's implicit
 * module), "!" inversions, and the target with its options. The words become calls of the
 * typed factories and of a {@link RuleBuilder}, so a parsed rule and a built one are made alike.
 */
public final class RuleParser {
    private final Table table;
    private final MatchEnv env;
    private final RuleBuilder rule = Rule.builder();
    private final List<String> moduleNames = new ArrayList<>();
    private final List<MatchOptions> modules = new ArrayList<>();
    private String targetName;
    private boolean isGoto;
    private TargetOptions target;
    private long[] counters;

    private RuleParser(Table table, MatchEnv env) {
        this.table = table;
        this.env = env;
    }

    /** Parses {@code words} into a rule for {@code table}. */
    public static Rule parse(List<String> words, Table table, MatchEnv env) {
        return new RuleParser(table, env).run(new RuleTokens(words));
    }

    /** Parses a rule that may carry "-c PACKETS BYTES" (iptables-restore); sets the counters. */
    public static Rule parseWithCounters(List<String> words, Table table, MatchEnv env) {
        RuleParser p = new RuleParser(table, env);
        Rule r = p.run(new RuleTokens(words));
        if (p.counters != null) {
            r.setCounters(p.counters[0], p.counters[1]);
        }
        return r;
    }

    private Rule run(RuleTokens t) {
        while (t.hasNext()) {
            boolean invert = t.bang();
            if (!t.hasNext()) {
                throw NetfilterException.parameter("no command specified");
            }
            String opt = t.next();
            if (!opt.startsWith("-")) {
                throw NetfilterException.badArgument(opt);
            }
            if (!header(opt, invert, t) && !extension(opt, invert, t)) {
                throw NetfilterException.parameter("unknown option \"" + opt + "\"");
            }
        }
        RuleContext ctx = rule.context(table, env);
        for (MatchOptions m : modules) {
            rule.match(m.build(ctx));
        }
        if (target != null) {
            rule.target(target.build());
        } else if (targetName != null) {
            if (isGoto) {
                rule.goTo(targetName);
            } else {
                rule.jump(targetName);
            }
        }
        return rule.build(table, env);
    }

    private boolean header(String opt, boolean invert, RuleTokens t) {
        switch (opt) {
            case "-s", "--source", "--src" -> rule.source(t.argument(opt), invert);
            case "-d", "--destination", "--dst" -> rule.destination(t.argument(opt), invert);
            case "-i", "--in-interface" -> rule.inInterface(t.argument(opt), invert);
            case "-o", "--out-interface" -> rule.outInterface(t.argument(opt), invert);
            case "-p", "--protocol" -> rule.protocol(t.argument(opt), invert);
            case "-m", "--match" -> load(t.argument(opt));
            case "-j", "--jump", "-g", "--goto" -> jump(t.argument(opt), opt.startsWith("-g") || opt.equals("--goto"));
            case "-c", "--set-counters" -> {
                long p = counter(t.argument(opt));
                long b = counter(t.argument(opt));
                counters = new long[] {p, b};
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static long counter(String text) {
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw NetfilterException.parameter("-c packet counter not numeric");
        }
    }

    /** Offers the option to the target, then to the modules from the latest loaded back. */
    private boolean extension(String opt, boolean invert, RuleTokens t) {
        if (target != null && target.accept(opt, invert, t)) {
            return true;
        }
        for (int i = modules.size() - 1; i >= 0; i--) {
            if (modules.get(i).accept(opt, invert, t)) {
                return true;
            }
        }
        String implicit = switch (rule.protocol()) {
            case Packet.TCP -> "tcp";
            case Packet.UDP -> "udp";
            case Packet.ICMP -> "icmp";
            default -> null;
        };
        if (implicit != null && !moduleNames.contains(implicit)) {
            load(implicit);
            if (modules.get(modules.size() - 1).accept(opt, invert, t)) {
                return true;
            }
            modules.remove(modules.size() - 1);
            moduleNames.remove(moduleNames.size() - 1);
        }
        return false;
    }

    private void load(String module) {
        MatchOptions m = switch (module) {
            case "tcp", "udp" -> new PortMatch.Options(module);
            case "icmp" -> new IcmpMatch.Options();
            case "state" -> new StateMatch.Options(false);
            case "conntrack" -> new StateMatch.Options(true);
            case "physdev" -> new PhysdevMatch.Options();
            case "set" -> new SetMatch.Options();
            case "mac" -> new MacMatch.Options();
            case "comment" -> new CommentMatch.Options();
            case "mark" -> new MarkMatch.Options(false);
            case "connmark" -> new MarkMatch.Options(true);
            case "multiport" -> new MultiportMatch.Options();
            default -> throw NetfilterException.parameter("Couldn't load match `" + module
                    + "':No such file or directory");
        };
        moduleNames.add(module);
        modules.add(m);
    }

    /** "-j NAME" or "-g NAME": a target extension takes options; verdicts and chains do not. */
    private void jump(String name, boolean asGoto) {
        if (targetName != null) {
            throw NetfilterException.multiple("-j");
        }
        targetName = name;
        isGoto = asGoto;
        if (asGoto) {
            return;
        }
        target = switch (name) {
            case "REJECT" -> new RejectTarget.Options();
            case "LOG" -> new LogTarget.Options();
            case "MARK" -> new MarkTarget.Options();
            case "CONNMARK" -> new ConnmarkTarget.Options();
            case "CT" -> new CtTarget.Options();
            case "NOTRACK" -> TargetOptions.of(new CtTarget(0, true, true));
            case "SNAT" -> new NatTarget.Options(NatTarget.Kind.SNAT);
            case "DNAT" -> new NatTarget.Options(NatTarget.Kind.DNAT);
            case "MASQUERADE" -> new NatTarget.Options(NatTarget.Kind.MASQUERADE);
            case "REDIRECT" -> new NatTarget.Options(NatTarget.Kind.REDIRECT);
            case "CHECKSUM" -> new ChecksumTarget.Options();
            default -> null;
        };
    }
}
