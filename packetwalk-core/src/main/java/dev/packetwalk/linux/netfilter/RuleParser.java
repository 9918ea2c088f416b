package dev.packetwalk.linux.netfilter;

import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a rule specification ("-s 10.0.0.5 -p tcp --dport 22 -j ACCEPT") the way iptables
 * does: header options, "-m" modules in order (an unknown option loads the protocol's implicit
 * module), "!" inversions, and the target with its options.
 */
public final class RuleParser {
    private final Table table;
    private final MatchEnv env;

    private int src;
    private int srcMask;
    private int dst;
    private int dstMask;
    private String in;
    private String out;
    private int proto;
    private int inverted;
    private final List<String> moduleNames = new ArrayList<>();
    private final List<MatchBuilder> modules = new ArrayList<>();
    private String targetName;
    private boolean isGoto;
    private TargetBuilder target;
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
        RuleContext ctx = new RuleContext(proto, (inverted & Rule.INV_PROTO) != 0, env, table.name());
        List<Match> matches = new ArrayList<>();
        for (MatchBuilder b : modules) {
            matches.add(b.build(ctx));
        }
        Target tg = null;
        if (target != null) {
            tg = target.build(ctx);
        } else if (targetName != null) {
            if (!table.hasChain(targetName)) {
                throw NetfilterException.parameter("Chain '" + targetName + "' does not exist");
            }
            tg = new JumpTarget(targetName, isGoto);
        }
        return new Rule(src, srcMask, dst, dstMask, in, out, proto, inverted, matches, tg);
    }

    private boolean header(String opt, boolean invert, RuleTokens t) {
        switch (opt) {
            case "-s", "--source", "--src" -> {
                long[] a = address(t.argument(opt));
                src = (int) a[0];
                srcMask = (int) a[1];
                flag(Rule.INV_SRC, invert);
            }
            case "-d", "--destination", "--dst" -> {
                long[] a = address(t.argument(opt));
                dst = (int) a[0];
                dstMask = (int) a[1];
                flag(Rule.INV_DST, invert);
            }
            case "-i", "--in-interface" -> {
                in = Interfaces.validate(t.argument(opt));
                flag(Rule.INV_IN, invert);
            }
            case "-o", "--out-interface" -> {
                out = Interfaces.validate(t.argument(opt));
                flag(Rule.INV_OUT, invert);
            }
            case "-p", "--protocol" -> {
                proto = protocol(t.argument(opt));
                flag(Rule.INV_PROTO, invert);
            }
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

    private void flag(int bit, boolean invert) {
        if (invert) {
            inverted |= bit;
        }
    }

    private boolean extension(String opt, boolean invert, RuleTokens t) {
        if (target != null && target.accept(opt, invert, t)) {
            return true;
        }
        for (MatchBuilder b : modules) {
            if (b.accept(opt, invert, t)) {
                return true;
            }
        }
        String implicit = switch (proto) {
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
        MatchBuilder b = switch (module) {
            case "tcp", "udp" -> new PortMatch.Builder(module);
            case "icmp" -> new IcmpMatch.Builder();
            case "state" -> new StateMatch.Builder(false);
            case "conntrack" -> new StateMatch.Builder(true);
            case "physdev" -> new PhysdevMatch.Builder();
            case "set" -> new SetMatch.Builder();
            case "mac" -> new MacMatch.Builder();
            case "comment" -> new CommentMatch.Builder();
            case "mark" -> new MarkMatch.Builder(false);
            case "connmark" -> new MarkMatch.Builder(true);
            case "multiport" -> new MultiportMatch.Builder();
            default -> throw NetfilterException.parameter("Couldn't load match `" + module
                    + "':No such file or directory");
        };
        moduleNames.add(module);
        modules.add(b);
    }

    private void jump(String name, boolean asGoto) {
        if (targetName != null) {
            throw NetfilterException.parameter("multiple -j flags not allowed");
        }
        targetName = name;
        isGoto = asGoto;
        VerdictTarget verdict = VerdictTarget.named(name);
        if (asGoto) {
            return;
        }
        target = verdict != null ? TargetBuilder.of(verdict) : switch (name) {
            case "REJECT" -> new RejectTarget.Builder();
            case "LOG" -> new LogTarget.Builder();
            case "MARK" -> new MarkTarget.Builder();
            case "CONNMARK" -> new ConnmarkTarget.Builder();
            case "CT" -> new CtTarget.Builder();
            case "NOTRACK" -> TargetBuilder.of(new CtTarget(0, true, true));
            case "SNAT" -> new NatTarget.Builder(NatTarget.Kind.SNAT);
            case "DNAT" -> new NatTarget.Builder(NatTarget.Kind.DNAT);
            case "MASQUERADE" -> new NatTarget.Builder(NatTarget.Kind.MASQUERADE);
            case "REDIRECT" -> new NatTarget.Builder(NatTarget.Kind.REDIRECT);
            default -> null;
        };
    }

    private static int protocol(String text) {
        String lower = text.toLowerCase();
        if (!lower.isEmpty() && lower.chars().allMatch(Character::isDigit) && lower.length() <= 3) {
            int n = Integer.parseInt(lower);
            if (n <= 255) {
                return n;
            }
        }
        int n = Names.protocolNumber(lower);
        if (n < 0) {
            throw NetfilterException.parameter("unknown protocol \"" + text + "\" specified");
        }
        return n;
    }

    /** Parses "ADDR[/LEN|/MASK]" into {network, mask}. */
    static long[] address(String text) {
        int slash = text.indexOf('/');
        String a = slash < 0 ? text : text.substring(0, slash);
        long addr = Ipv4.parseOrMinusOne(a);
        if (addr < 0) {
            throw NetfilterException.parameter("host/network `" + a + "' not found");
        }
        long mask = 0xffffffffL;
        if (slash >= 0) {
            String m = text.substring(slash + 1);
            if (m.contains(".")) {
                mask = Ipv4.parseOrMinusOne(m);
                if (mask < 0) {
                    throw NetfilterException.parameter("host/network `" + m + "' not found");
                }
            } else {
                long len = m.isEmpty() || m.length() > 2 || !m.chars().allMatch(Character::isDigit)
                        ? -1 : Long.parseLong(m);
                if (len < 0 || len > 32) {
                    throw NetfilterException.parameter("invalid mask `" + m + "' specified");
                }
                mask = Ipv4.maskOf((int) len) & 0xffffffffL;
            }
        }
        return new long[] {addr & mask, mask};
    }
}
