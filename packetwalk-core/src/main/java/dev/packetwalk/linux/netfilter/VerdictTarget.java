package dev.packetwalk.linux.netfilter;

/** ACCEPT, DROP and RETURN: the standard verdicts. */
public final class VerdictTarget implements Target {
    public static final VerdictTarget ACCEPT = new VerdictTarget("ACCEPT", Outcome.ACCEPT);
    public static final VerdictTarget DROP = new VerdictTarget("DROP", Outcome.DROP);
    public static final VerdictTarget RETURN = new VerdictTarget("RETURN", Outcome.RETURN);

    private final String name;
    private final Outcome outcome;

    private VerdictTarget(String name, Outcome outcome) {
        this.name = name;
        this.outcome = outcome;
    }

    /** The verdict called {@code name}, or null. */
    public static VerdictTarget named(String name) {
        return switch (name) {
            case "ACCEPT" -> ACCEPT;
            case "DROP" -> DROP;
            case "RETURN" -> RETURN;
            default -> null;
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void save(StringBuilder sb) {
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
    }

    @Override
    public Outcome fixedOutcome() {
        return outcome;
    }

    @Override
    public Outcome apply(TargetEnv env) {
        return outcome;
    }
}
