package dev.packetwalk.linux.netfilter;

/** The icmp match: a type and a code range, or "any". */
public final class IcmpMatch implements Match {
    private record Name(String name, int type, int codeMin, int codeMax) {
    }

    private static final Name[] NAMES = {
        new Name("any", 0xff, 0, 0xff),
        new Name("echo-reply", 0, 0, 0xff),
        new Name("destination-unreachable", 3, 0, 0xff),
        new Name("network-unreachable", 3, 0, 0),
        new Name("host-unreachable", 3, 1, 1),
        new Name("protocol-unreachable", 3, 2, 2),
        new Name("port-unreachable", 3, 3, 3),
        new Name("fragmentation-needed", 3, 4, 4),
        new Name("source-route-failed", 3, 5, 5),
        new Name("network-unknown", 3, 6, 6),
        new Name("host-unknown", 3, 7, 7),
        new Name("network-prohibited", 3, 9, 9),
        new Name("host-prohibited", 3, 10, 10),
        new Name("TOS-network-unreachable", 3, 11, 11),
        new Name("TOS-host-unreachable", 3, 12, 12),
        new Name("communication-prohibited", 3, 13, 13),
        new Name("host-precedence-violation", 3, 14, 14),
        new Name("precedence-cutoff", 3, 15, 15),
        new Name("source-quench", 4, 0, 0xff),
        new Name("redirect", 5, 0, 0xff),
        new Name("network-redirect", 5, 0, 0),
        new Name("host-redirect", 5, 1, 1),
        new Name("TOS-network-redirect", 5, 2, 2),
        new Name("TOS-host-redirect", 5, 3, 3),
        new Name("echo-request", 8, 0, 0xff),
        new Name("router-advertisement", 9, 0, 0xff),
        new Name("router-solicitation", 10, 0, 0xff),
        new Name("time-exceeded", 11, 0, 0xff),
        new Name("ttl-zero-during-transit", 11, 0, 0),
        new Name("ttl-zero-during-reassembly", 11, 1, 1),
        new Name("parameter-problem", 12, 0, 0xff),
        new Name("ip-header-bad", 12, 0, 0),
        new Name("required-option-missing", 12, 1, 1),
        new Name("timestamp-request", 13, 0, 0xff),
        new Name("timestamp-reply", 14, 0, 0xff),
        new Name("address-mask-request", 17, 0, 0xff),
        new Name("address-mask-reply", 18, 0, 0xff),
    };

    private static final String OPTION = "--icmp-type";

    private final int type;
    private final int codeMin;
    private final int codeMax;
    private final boolean invert;

    private IcmpMatch(int type, int codeMin, int codeMax, boolean invert) {
        this.type = type;
        this.codeMin = codeMin;
        this.codeMax = codeMax;
        this.invert = invert;
    }

    /** "--icmp-type any". */
    public static IcmpMatch any() {
        return new IcmpMatch(0xff, 0, 0xff, false);
    }

    /** "--icmp-type TYPE": every code of one type (0-255). */
    public static IcmpMatch type(int type) {
        return new IcmpMatch(byteValue(type, Integer.toString(type)), 0, 0xff, false);
    }

    /** "--icmp-type TYPE/CODE". */
    public static IcmpMatch type(int type, int code) {
        String text = type + "/" + code;
        return new IcmpMatch(byteValue(type, text), byteValue(code, text), code, false);
    }

    private static int byteValue(long v, String text) {
        if (v < 0 || v > 255) {
            throw NetfilterException.parameter("Invalid ICMP type `" + text + "'");
        }
        return (int) v;
    }

    /** The type, code range or "any" iptables knows by {@code name} (echo-request ...), or null. */
    private static IcmpMatch named(String name) {
        for (Name n : NAMES) {
            if (n.name.equalsIgnoreCase(name)) {
                return new IcmpMatch(n.type, n.codeMin, n.codeMax, false);
            }
        }
        return null;
    }

    /** The same test, inverted ("! --icmp-type ..."). */
    public IcmpMatch inverted() {
        return new IcmpMatch(type, codeMin, codeMax, !invert);
    }

    @Override
    public String module() {
        return "icmp";
    }

    @Override
    public boolean test(Packet p, MatchEnv env) {
        boolean hit = type == 0xff
                || (p.icmpType() == type && p.icmpCode() >= codeMin && p.icmpCode() <= codeMax);
        return hit != invert;
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(invert ? " !" : "");
        if (type == 0xff) {
            sb.append(" --icmp-type any");
            return;
        }
        sb.append(" --icmp-type ").append(type);
        if (codeMin != 0 || codeMax != 0xff) {
            sb.append('/').append(codeMin);
        }
    }

    @Override
    public void list(StringBuilder sb, int proto, boolean numeric) {
        sb.append(" icmp");
        if (!numeric) {
            for (Name n : NAMES) {
                if (n.type == type && n.codeMin == codeMin && n.codeMax == codeMax) {
                    sb.append(' ').append(invert ? "!" : "").append(n.name);
                    return;
                }
            }
        }
        if (invert) {
            sb.append(" !");
        }
        sb.append("type ").append(type);
        if (codeMin == codeMax) {
            sb.append(" code ").append(codeMin);
        } else if (codeMin != 0 || codeMax != 0xff) {
            sb.append(" codes ").append(codeMin).append('-').append(codeMax);
        }
    }

    /** Collects --icmp-type: a name, TYPE or TYPE/CODE. */
    static final class Options implements MatchOptions {
        private IcmpMatch match;

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            if (!option.equals(OPTION)) {
                return false;
            }
            if (match != null) {
                throw NetfilterException.onlyOnce("icmp", OPTION);
            }
            String text = args.argument(option);
            match = named(text);
            if (match == null) {
                int slash = text.indexOf('/');
                long type = Hex.parseU32(slash < 0 ? text : text.substring(0, slash));
                long code = slash < 0 ? -2 : Hex.parseU32(text.substring(slash + 1));
                if (type < 0 || type > 255 || code == -1 || code > 255) {
                    throw NetfilterException.parameter("Invalid ICMP type `" + text + "'");
                }
                match = code == -2 ? type((int) type) : type((int) type, (int) code);
            }
            if (invert) {
                match = match.inverted();
            }
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (match == null) {
                throw NetfilterException.mustBeSpecified("icmp", OPTION);
            }
            return match;
        }
    }
}
