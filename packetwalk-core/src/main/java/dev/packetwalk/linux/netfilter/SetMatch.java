package dev.packetwalk.linux.netfilter;

/** The set match: is the packet's source or destination (address, port) in an ipset. */
public final class SetMatch implements Match {
    /** Which address (and port) of the packet one dimension of the set is looked up with. */
    public enum Direction { SRC, DST }

    private static final String DIRECTIONS = "You must specify (the comma separated list of) 'src' or 'dst'.";

    private final String set;
    private final boolean[] src;
    private final boolean invert;

    private SetMatch(String set, boolean[] src, boolean invert) {
        this.set = set.intern();
        this.src = src;
        this.invert = invert;
    }

    /** "-m set --match-set SET src": the packet's source is in the set. */
    public static SetMatch source(String set) {
        return of(set, Direction.SRC);
    }

    /** "-m set --match-set SET dst". */
    public static SetMatch destination(String set) {
        return of(set, Direction.DST);
    }

    /** "-m set --match-set SET src,dst,...": one direction per dimension of the set (1 to 6). */
    public static SetMatch of(String set, Direction... directions) {
        if (directions.length > 6) {
            throw NetfilterException.parameter("Can't be more src/dst options than 6.");
        }
        boolean[] src = new boolean[directions.length];
        for (int i = 0; i < src.length; i++) {
            if (directions[i] == null) {
                throw NetfilterException.parameter(DIRECTIONS);
            }
            src[i] = directions[i] == Direction.SRC;
        }
        if (src.length == 0) {
            throw NetfilterException.parameter(DIRECTIONS);
        }
        return new SetMatch(set, src, false);
    }

    /** The same test, inverted ("! --match-set ..."). */
    public SetMatch inverted() {
        return new SetMatch(set, src, !invert);
    }

    public String set() {
        return set;
    }

    /** Rules may only use sets that exist. */
    @Override
    public void check(RuleContext rule) {
        if (!rule.env().setExists(set)) {
            throw NetfilterException.parameter("Set " + set + " doesn't exist.\n");
        }
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
    public void list(StringBuilder sb, int proto, boolean numeric) {
        sb.append(invert ? " !" : "").append(" match-set ").append(set).append(' ');
        appendFlags(sb);
    }

    /** Collects --match-set NAME src|dst[,...]. */
    static final class Options implements MatchOptions {
        private SetMatch match;

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            if (!option.equals("--match-set") && !option.equals("--set")) {
                return false;
            }
            String set = args.argument(option);
            String[] parts = args.argument(option).split(",", -1);
            Direction[] directions = new Direction[parts.length];
            for (int i = 0; i < parts.length; i++) {
                directions[i] = switch (parts[i]) {
                    case "src" -> Direction.SRC;
                    case "dst" -> Direction.DST;
                    default -> null;
                };
            }
            match = of(set, directions);
            if (inv) {
                match = match.inverted();
            }
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (match == null) {
                throw NetfilterException.parameter("You must specify `--match-set' with proper arguments");
            }
            return match;
        }
    }
}
