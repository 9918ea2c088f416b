package dev.packetwalk.linux.netfilter;

/** The physdev match: the bridge ports a bridged packet entered and leaves by (br_netfilter). */
public final class PhysdevMatch implements Match {
    static final int IN = 1;
    static final int OUT = 2;
    static final int BRIDGED = 4;
    static final int IS_IN = 8;
    static final int IS_OUT = 16;

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
        flag(sb, IS_IN, "--physdev-is-in", null);
        flag(sb, IN, "--physdev-in", in);
        flag(sb, IS_OUT, "--physdev-is-out", null);
        flag(sb, OUT, "--physdev-out", out);
        flag(sb, BRIDGED, "--physdev-is-bridged", null);
    }

    private void flag(StringBuilder sb, int bit, String option, String value) {
        if (wants(bit)) {
            sb.append((invert & bit) != 0 ? " !" : "").append(' ').append(option);
            if (value != null) {
                sb.append(' ').append(value);
            }
        }
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(" PHYSDEV match");
        save(sb);
    }

    /** Collects the --physdev-* options. */
    public static final class Builder implements MatchBuilder {
        private String in;
        private String out;
        private int bits;
        private int invert;

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            int bit;
            switch (option) {
                case "--physdev-in" -> {
                    bit = IN;
                    in = Interfaces.validate(args.argument(option));
                }
                case "--physdev-out" -> {
                    bit = OUT;
                    out = Interfaces.validate(args.argument(option));
                }
                case "--physdev-is-bridged" -> bit = BRIDGED;
                case "--physdev-is-in" -> bit = IS_IN;
                case "--physdev-is-out" -> bit = IS_OUT;
                default -> {
                    return false;
                }
            }
            bits |= bit;
            if (inv) {
                invert |= bit;
            }
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (bits == 0) {
                throw NetfilterException.parameter("PHYSDEV: no physdev option specified");
            }
            return new PhysdevMatch(in, out, bits, invert);
        }
    }
}
