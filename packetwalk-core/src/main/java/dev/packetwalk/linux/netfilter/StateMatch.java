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

    /** "-m state --state S1,S2": {@code states} is a set of {@link CtState} bits without SNAT and DNAT. */
    public static StateMatch state(int states) {
        return new StateMatch(false, CtState.require(states, false, "state"), false);
    }

    /** "-m conntrack --ctstate S1,S2": {@link CtState} bits, SNAT and DNAT included. */
    public static StateMatch ctState(int states) {
        return new StateMatch(true, CtState.require(states, true, "ctstate"), false);
    }

    /** The same test, inverted ("! --state ..."). */
    public StateMatch inverted() {
        return new StateMatch(conntrack, states, !invert);
    }

    private String option() {
        return conntrack ? "--ctstate" : "--state";
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
        sb.append(invert ? " !" : "").append(' ').append(option()).append(' ');
        CtState.append(sb, states);
    }

    @Override
    public void list(StringBuilder sb, int proto, boolean numeric) {
        sb.append(invert ? " !" : "").append(conntrack ? " ctstate " : " state ");
        CtState.append(sb, states);
    }

    /** Collects --state (module state) or --ctstate (module conntrack). */
    static final class Options implements MatchOptions {
        private final boolean conntrack;
        private StateMatch match;

        Options(boolean conntrack) {
            this.conntrack = conntrack;
        }

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            String name = conntrack ? "--ctstate" : "--state";
            if (!option.equals(name)) {
                return false;
            }
            if (match != null) {
                throw NetfilterException.onlyOnce(conntrack ? "conntrack" : "state", name);
            }
            int states = CtState.parse(args.argument(option), conntrack, conntrack ? "ctstate" : "state");
            match = conntrack ? ctState(states) : state(states);
            if (inv) {
                match = match.inverted();
            }
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (match == null) {
                throw conntrack ? NetfilterException.parameter("conntrack: At least one option is required")
                        : NetfilterException.mustBeSpecified("state", "--state");
            }
            return match;
        }
    }
}
