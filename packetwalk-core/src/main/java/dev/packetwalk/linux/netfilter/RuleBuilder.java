package dev.packetwalk.linux.netfilter;

import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assembles a {@link Rule} from typed parts the way iptables assembles a rule specification:
 * the header tests (each given at most once, each invertible), the matches in the order given
 * (iptables-save prints them in that order), and at most one target. {@link #build} checks the
 * parts against the table and its ipsets and refuses them with iptables' own errors; a target
 * that belongs to another table (CT, the NAT targets, CHECKSUM) is refused when the rule is
 * added to a chain, as the kernel does. The rule parser assembles every parsed rule here too.
 *
 * <pre>{@code
 * Rule r = Rule.builder().outInterface("qg-cf54d3ea-6a")
 *         .target(NatTarget.snat(Ipv4.parse("172.24.4.3"))).build(natTable, env);
 * }</pre>
 */
public final class RuleBuilder {
    private static final int TARGET = 32;

    private int src;
    private int srcMask;
    private int dst;
    private int dstMask;
    private String in;
    private String out;
    private int proto;
    private int inverted;
    /** The header options given so far (Rule.INV_* bits, TARGET). */
    private int given;
    private final List<Match> matches = new ArrayList<>();
    private Target target;

    RuleBuilder() {
    }

    /** "-s NETWORK": "10.0.0.0/24", "10.0.0.5" (a /32) or "10.0.0.0/255.0.255.0". */
    public RuleBuilder source(String network) {
        return source(network, false);
    }

    /** "! -s NETWORK". */
    public RuleBuilder notSource(String network) {
        return source(network, true);
    }

    /** "-s ADDRESS/PREFIXLENGTH". */
    public RuleBuilder source(int address, int prefixLength) {
        return source(address, prefixMask(prefixLength), false);
    }

    /** "-d NETWORK". */
    public RuleBuilder destination(String network) {
        return destination(network, false);
    }

    /** "! -d NETWORK". */
    public RuleBuilder notDestination(String network) {
        return destination(network, true);
    }

    /** "-d ADDRESS/PREFIXLENGTH". */
    public RuleBuilder destination(int address, int prefixLength) {
        return destination(address, prefixMask(prefixLength), false);
    }

    /** "-i DEVICE": a device name, or a prefix ending in "+" ("qr-+"). */
    public RuleBuilder inInterface(String device) {
        return inInterface(device, false);
    }

    /** "! -i DEVICE". */
    public RuleBuilder notInInterface(String device) {
        return inInterface(device, true);
    }

    /** "-o DEVICE". */
    public RuleBuilder outInterface(String device) {
        return outInterface(device, false);
    }

    /** "! -o DEVICE". */
    public RuleBuilder notOutInterface(String device) {
        return outInterface(device, true);
    }

    /** "-p NUMBER" (0-255; 0 is all); iptables-save prints the name /etc/protocols gives it. */
    public RuleBuilder protocol(int number) {
        return protocol(Integer.toString(number), false);
    }

    /** "-p NAME" as /etc/protocols knows it ("tcp", "udp", "icmp", "ipv6-icmp") or its number. */
    public RuleBuilder protocol(String nameOrNumber) {
        return protocol(nameOrNumber, false);
    }

    /** "! -p NUMBER". */
    public RuleBuilder notProtocol(int number) {
        return protocol(Integer.toString(number), true);
    }

    /** Appends a match ("-m ..."); matches are tested and printed in the order they were added. */
    public RuleBuilder match(Match match) {
        matches.add(Objects.requireNonNull(match, "match"));
        return this;
    }

    /** "-j TARGET" for a verdict ({@link VerdictTarget#ACCEPT} ...) or a target extension. */
    public RuleBuilder target(Target t) {
        once(TARGET, "-j");
        target = Objects.requireNonNull(t, "target");
        return this;
    }

    /** "-j NAME": ACCEPT, DROP, RETURN, or a user chain of the table. */
    public RuleBuilder jump(String chainOrVerdict) {
        VerdictTarget verdict = VerdictTarget.named(chainOrVerdict);
        return target(verdict != null ? verdict : new JumpTarget(chainOrVerdict, false));
    }

    /** "-g CHAIN": continue in a user chain and do not come back. */
    public RuleBuilder goTo(String chain) {
        return target(new JumpTarget(chain, true));
    }

    /**
     * The rule for {@code table}, whose ipsets {@code env} holds; the builder can go on to build
     * others. Checks each match, then the target, against the rule (protocol, sets, chains).
     */
    public Rule build(Table table, MatchEnv env) {
        RuleContext rule = context(table, env);
        for (Match m : matches) {
            m.check(rule);
        }
        if (target != null) {
            target.check(rule);
            if (target instanceof JumpTarget j && !table.hasChain(j.chain())) {
                throw NetfilterException.parameter("Chain '" + j.chain() + "' does not exist");
            }
        }
        return new Rule(src, srcMask, dst, dstMask, in, out, proto, inverted, matches, target);
    }

    /** What the matches and targets of this rule may depend on. */
    RuleContext context(Table table, MatchEnv env) {
        return new RuleContext(proto, (inverted & Rule.INV_PROTO) != 0, env, table.name());
    }

    /** The protocol number given so far (0 for all). */
    int protocol() {
        return proto;
    }

    RuleBuilder source(String network, boolean invert) {
        long[] a = network(network);
        return source((int) a[0], (int) a[1], invert);
    }

    RuleBuilder destination(String network, boolean invert) {
        long[] a = network(network);
        return destination((int) a[0], (int) a[1], invert);
    }

    private RuleBuilder source(int address, int mask, boolean invert) {
        header(Rule.INV_SRC, "-s", invert);
        src = address & mask;
        srcMask = mask;
        return this;
    }

    private RuleBuilder destination(int address, int mask, boolean invert) {
        header(Rule.INV_DST, "-d", invert);
        dst = address & mask;
        dstMask = mask;
        return this;
    }

    RuleBuilder inInterface(String device, boolean invert) {
        header(Rule.INV_IN, "-i", invert);
        in = Interfaces.validate(device);
        return this;
    }

    RuleBuilder outInterface(String device, boolean invert) {
        header(Rule.INV_OUT, "-o", invert);
        out = Interfaces.validate(device);
        return this;
    }

    RuleBuilder protocol(String text, boolean invert) {
        header(Rule.INV_PROTO, "-p", invert);
        proto = protocolNumber(text);
        return this;
    }

    private void header(int bit, String flag, boolean invert) {
        once(bit, flag);
        if (invert) {
            inverted |= bit;
        }
    }

    private void once(int bit, String flag) {
        if ((given & bit) != 0) {
            throw NetfilterException.multiple(flag);
        }
        given |= bit;
    }

    private static int prefixMask(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw NetfilterException.parameter("invalid mask `" + prefixLength + "' specified");
        }
        return Ipv4.maskOf(prefixLength);
    }

    private static int protocolNumber(String text) {
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
    private static long[] network(String text) {
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
