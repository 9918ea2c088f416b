package dev.packetwalk.linux.netfilter;

/** The set match: is the packet's source or destination (address, port) in an ipset. */
public final class SetMatch implements Match {
    private final String set;
    private final boolean[] src;
    private final boolean invert;

    private SetMatch(String set, boolean[] src, boolean invert) {
        this.set = set.intern();
        this.src = src;
        this.invert = invert;
    }

    public String set() {
        return set;
    }

    @Override
    public String module() {
        return "set";
    }

    @Override
    public boolean test(Packet p, MatchEnv env) {
        return env.inSet(set, p, src) != invert;
    }

    private void appendFlags(StringBuilder sb) {
        for (int i = 0; i < src.length; i++) {
            sb.append(i == 0 ? "" : ",").append(src[i] ? "src" : "dst");
        }
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(invert ? " !" : "").append(" --match-set ").append(set).append(' ');
        appendFlags(sb);
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(invert ? " !" : "").append(" match-set ").append(set).append(' ');
        appendFlags(sb);
    }

    /** Collects --match-set NAME src|dst[,...]. */
    public static final class Builder implements MatchBuilder {
        private String set;
        private boolean[] src;
        private boolean invert;

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            if (!option.equals("--match-set") && !option.equals("--set")) {
                return false;
            }
            set = args.argument(option);
            String dirs = args.argument(option);
            String[] parts = dirs.split(",", -1);
            if (parts.length > 6) {
                throw NetfilterException.parameter("Can't be more src/dst options than 6.");
            }
            src = new boolean[parts.length];
            for (int i = 0; i < parts.length; i++) {
                if (!parts[i].equals("src") && !parts[i].equals("dst")) {
                    throw NetfilterException.parameter(
                            "You must specify (the comma separated list of) 'src' or 'dst'.");
                }
                src[i] = parts[i].equals("src");
            }
            invert = inv;
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (set == null) {
                throw NetfilterException.parameter("You must specify `--match-set' with proper arguments");
            }
            if (!context.env().setExists(set)) {
                throw NetfilterException.parameter("Set " + set + " doesn't exist.\n");
            }
            return new SetMatch(set, src, invert);
        }
    }
}
