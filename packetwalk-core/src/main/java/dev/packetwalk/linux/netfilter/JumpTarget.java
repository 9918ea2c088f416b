package dev.packetwalk.linux.netfilter;

/** A jump ("-j CHAIN") or goto ("-g CHAIN") to a user chain of the same table. */
public record JumpTarget(String chain, boolean isGoto) implements Target {
    @Override
    public String name() {
        return chain;
    }

    @Override
    public void save(StringBuilder sb) {
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
    }

    @Override
    public Outcome fixedOutcome() {
        return isGoto ? Outcome.GOTO : Outcome.JUMP;
    }

    @Override
    public Outcome apply(TargetEnv env) {
        return isGoto ? Outcome.GOTO : Outcome.JUMP;
    }
}
