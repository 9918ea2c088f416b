package dev.packetwalk.linux.netfilter;

/** The physdev match: the bridge ports a bridged packet entered and leaves by (br_netfilter). */
public final class PhysdevMatch implements Match {
    static final int IN = 1;
    static final int OUT = 2;
    static final int BRIDGED = 4;
    static final int IS_IN = 8;
    static final int IS_OUT = 16;
    /** No option yet: not a valid match by itself, the start of the factories. */
    private static final PhysdevMatch NONE = new PhysdevMatch(null, null, 0, 0);

    private final String in;
    private final String out;
    private final int bits;
    private final int invert;

    private PhysdevMatch(String in, String out, int bits, int invert) {
        this.in = in == null ? null : in.intern();
        this.out = out == null ? null : out.intern();
        this.bits = bits;
        this.invert = invert;
    }

    /** "-m physdev --physdev-in PORT": the bridge port the packet entered by ("+" ends a prefix). */
    public static PhysdevMatch in(String port) {
        return NONE.with(IN, port, false);
    }

    /** "-m physdev --physdev-out PORT": the bridge port the packet leaves by. */
    public static PhysdevMatch out(String port) {
        return NONE.with(OUT, port, false);
    }

    /** "-m physdev --physdev-is-bridged": the packet is bridged, not routed. */
    public static PhysdevMatch isBridged() {
        return NONE.with(BRIDGED, null, false);
    }

    /** With "--physdev-in PORT" as well. */
    public PhysdevMatch withIn(String port) {
        return with(IN, port, false);
    }

    /** With "--physdev-out PORT" as well. */
    public PhysdevMatch withOut(String port) {
        return with(OUT, port, false);
    }

    /** With "--physdev-is-bridged" as well. */
    public PhysdevMatch bridged() {
        return with(BRIDGED, null, false);
    }

    /** With the option {@code bit} (its port for IN and OUT), "!" before it when {@code inv}; each once. */
    PhysdevMatch with(int bit, String port, boolean inv) {
        if ((bits & bit) != 0) {
            throw NetfilterException.onlyOnce("physdev", optionName(bit));
        }
        String newIn = bit == IN ? Interfaces.validate(port) : in;
        String newOut = bit == OUT ? Interfaces.validate(port) : out;
        return new PhysdevMatch(newIn, newOut, bits | bit, inv ? invert | bit : invert);
    }

    private static String optionName(int bit) {
        return switch (bit) {
            case IN -> "--physdev-in";
            case OUT -> "--physdev-out";
            case BRIDGED -> "--physdev-is-bridged";
            case IS_IN -> "--physdev-is-in";
            default -> "--physdev-is-out";
        };
    }

    /** The exact bridge port this match requires as physdev-in, or null (used for dispatch). */
    public String requiredIn() {
        return (bits & IN) != 0 && (invert & IN) == 0 && !in.endsWith("+") ? in : null;
    }

    /** The exact bridge port this match requires as physdev-out, or null (used for dispatch). */
    public String requiredOut() {
        return (bits & OUT) != 0 && (invert & OUT) == 0 && !out.endsWith("+") ? out : null;
    }

    /**
     * What is left to test once a dispatch by {@link #requiredIn}/{@link #requiredOut} found the
     * packet's bridge port equal: -1 when more than the bridged flags (another port, --physdev-is-in
     * or -out, inversions), 1 when --physdev-is-bridged also wants an out port, else 0.
     */
    int residueAfterDispatch() {
        boolean one = (bits & ~BRIDGED) == IN || (bits & ~BRIDGED) == OUT;
        if (!one || invert != 0 || (requiredIn() == null && requiredOut() == null)) {
            return -1;
        }
        return (bits & BRIDGED) != 0 ? 1 : 0;
    }

    @Override
    public String module() {
        return "physdev";
    }

    private boolean wants(int bit) {
        return (bits & bit) != 0;
    }

    private boolean fails(int bit, boolean hit) {
        return (bits & bit) != 0 && hit == ((invert & bit) != 0);
    }

    @Override
    public boolean test(Packet p, MatchEnv env) {
        if (!p.bridged()) {
            for (int bit = 1; bit <= IS_OUT; bit <<= 1) {
                if (wants(bit) && (invert & bit) == 0) {
                    return false;
                }
            }
            return true;
        }
        return !(fails(BRIDGED, p.physOut() != null)
                || fails(IS_IN, p.physIn() != null)
                || fails(IS_OUT, p.physOut() != null)
                || fails(IN, Interfaces.matches(in, p.physIn()))
                || fails(OUT, Interfaces.matches(out, p.physOut())));
    }

    @Override
    public void save(StringBuilder sb) {
        flag(sb, IS_IN, null);
        flag(sb, IN, in);
        flag(sb, IS_OUT, null);
        flag(sb, OUT, out);
        flag(sb, BRIDGED, null);
    }

    private void flag(StringBuilder sb, int bit, String value) {
        if (wants(bit)) {
            sb.append((invert & bit) != 0 ? " !" : "").append(' ').append(optionName(bit));
            if (value != null) {
                sb.append(' ').append(value);
            }
        }
    }

    @Override
    public void list(StringBuilder sb, int proto, boolean numeric) {
        sb.append(" PHYSDEV match");
        save(sb);
    }

    /** Collects the --physdev-* options. */
    static final class Options implements MatchOptions {
        private PhysdevMatch match = NONE;

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            switch (option) {
                case "--physdev-in" -> match = match.with(IN, args.argument(option), inv);
                case "--physdev-out" -> match = match.with(OUT, args.argument(option), inv);
                case "--physdev-is-bridged" -> match = match.with(BRIDGED, null, inv);
                case "--physdev-is-in" -> match = match.with(IS_IN, null, inv);
                case "--physdev-is-out" -> match = match.with(IS_OUT, null, inv);
                default -> {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (match.bits == 0) {
                throw NetfilterException.parameter("PHYSDEV: no physdev option specified");
            }
            return match;
        }
    }
}
