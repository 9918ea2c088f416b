package dev.packetwalk.linux.netfilter;

/** The mark match (skb mark) and the connmark match (the connection's mark): value/mask. */
public final class MarkMatch implements Match {
    private final boolean connmark;
    private final int value;
    private final int mask;
    private final boolean invert;

    private MarkMatch(boolean connmark, int value, int mask, boolean invert) {
        this.connmark = connmark;
        this.value = value;
        this.mask = mask;
        this.invert = invert;
    }

    @Override
    public String module() {
        return connmark ? "connmark" : "mark";
    }

    @Override
    public boolean test(Packet p, MatchEnv env) {
        int m = connmark ? p.ctMark() : p.mark();
        return ((m & mask) == value) != invert;
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(invert ? " !" : "").append(" --mark ");
        Hex.appendValueMask(sb, value, mask);
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        if (connmark) {
            sb.append(" connmark match ").append(invert ? "! " : " ");
        } else {
            sb.append(" mark match").append(invert ? " ! " : " ");
        }
        Hex.appendValueMask(sb, value, mask);
    }

    /** Collects --mark value[/mask]. */
    public static final class Builder implements MatchBuilder {
        private final boolean connmark;
        private MarkMatch match;

        public Builder(boolean connmark) {
            this.connmark = connmark;
        }

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            if (!option.equals("--mark")) {
                return false;
            }
            int[] vm = Hex.parseValueMask(args.argument(option), -1, "mark");
            match = new MarkMatch(connmark, vm[0], vm[1], inv);
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (match == null) {
                throw NetfilterException.parameter(connmark ? "connmark: option \"--mark\" must be specified"
                        : "mark: option \"--mark\" must be specified");
            }
            return match;
        }
    }
}
