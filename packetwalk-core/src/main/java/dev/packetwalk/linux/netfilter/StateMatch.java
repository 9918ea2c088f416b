package dev.packetwalk.linux.netfilter;

/** The state match (--state) and the conntrack match's --ctstate: conntrack state bits. */
public final class StateMatch implements Match {
    private final boolean conntrack;
    private final int states;
    private final boolean invert;

    private StateMatch(boolean conntrack, int states, boolean invert) {
        this.conntrack = conntrack;
        this.states = states;
        this.invert = invert;
    }

    @Override
    public String module() {
        return conntrack ? "conntrack" : "state";
    }

    @Override
    public boolean test(Packet p, MatchEnv env) {
        return ((p.ctState() & states) != 0) != invert;
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(invert ? " !" : "").append(conntrack ? " --ctstate " : " --state ");
        CtState.append(sb, states);
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(invert ? " !" : "").append(conntrack ? " ctstate " : " state ");
        CtState.append(sb, states);
    }

    /** Collects --state (module state) or --ctstate (module conntrack). */
    public static final class Builder implements MatchBuilder {
        private final boolean conntrack;
        private int states = -1;
        private boolean invert;

        public Builder(boolean conntrack) {
            this.conntrack = conntrack;
        }

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            if (!option.equals(conntrack ? "--ctstate" : "--state")) {
                return false;
            }
            states = CtState.parse(args.argument(option), conntrack, conntrack ? "ctstate" : "state");
            invert = inv;
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (states < 0) {
                throw NetfilterException.parameter(conntrack
                        ? "conntrack: At least one option is required"
                        : "state: option \"--state\" must be specified");
            }
            return new StateMatch(conntrack, states, invert);
        }
    }
}
