package dev.packetwalk.linux.netfilter;

/** The mark match (skb mark) and the connmark match (the connection's mark): value/mask. */
public final class MarkMatch implements Match {
    private static final String OPTION = "--mark";

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

    /** "-m mark --mark VALUE/MASK": the packet's mark AND mask equals value (mask -1 for all bits). */
    public static MarkMatch mark(int value, int mask) {
        return new MarkMatch(false, value, mask, false);
    }

    /** "-m connmark --mark VALUE/MASK": the same test on the connection's mark. */
    public static MarkMatch connmark(int value, int mask) {
        return new MarkMatch(true, value, mask, false);
    }

    /** The same test, inverted ("! --mark VALUE/MASK"). */
    public MarkMatch inverted() {
        return new MarkMatch(connmark, value, mask, !invert);
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
        sb.append(invert ? " !" : "").append(' ').append(OPTION).append(' ');
        Hex.appendValueMask(sb, value, mask);
    }

    @Override
    public void list(StringBuilder sb, int proto, boolean numeric) {
        if (connmark) {
            sb.append(" connmark match ").append(invert ? "! " : " ");
        } else {
            sb.append(" mark match").append(invert ? " ! " : " ");
        }
        Hex.appendValueMask(sb, value, mask);
    }

    /** Collects --mark value[/mask]. */
    static final class Options implements MatchOptions {
        private final boolean connmark;
        private MarkMatch match;

        Options(boolean connmark) {
            this.connmark = connmark;
        }

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            if (!option.equals(OPTION)) {
                return false;
            }
            if (match != null) {
                throw NetfilterException.onlyOnce(connmark ? "connmark" : "mark", OPTION);
            }
            int[] vm = Hex.parseValueMask(args.argument(option), -1, "mark");
            match = connmark ? connmark(vm[0], vm[1]) : mark(vm[0], vm[1]);
            if (inv) {
                match = match.inverted();
            }
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (match == null) {
                throw NetfilterException.mustBeSpecified(connmark ? "connmark" : "mark", OPTION);
            }
            return match;
        }
    }
}
