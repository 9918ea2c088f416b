package dev.packetwalk.linux.netfilter;

/** Collects the options of one "-j" target extension while a rule is parsed. */
public interface TargetBuilder {
    boolean accept(String option, boolean invert, RuleTokens args);

    Target build(RuleContext context);

    /** A builder for a target without options. */
    static TargetBuilder of(Target target) {
        return new TargetBuilder() {
            @Override
            public boolean accept(String option, boolean invert, RuleTokens args) {
                return false;
            }

            @Override
            public Target build(RuleContext context) {
                return target;
            }
        };
    }
}
