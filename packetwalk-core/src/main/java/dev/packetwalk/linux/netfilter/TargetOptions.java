package dev.packetwalk.linux.netfilter;

/**
 * Collects the option words of one "-j" target extension while a rule is parsed, turning them
 * into the target's typed factories.
 */
interface TargetOptions {
    boolean accept(String option, boolean invert, RuleTokens args);

    /** The finished target; throws a parameter error when a required option is missing. */
    Target build();

    /** Options for a target that takes none. */
    static TargetOptions of(Target target) {
        return new TargetOptions() {
            @Override
            public boolean accept(String option, boolean invert, RuleTokens args) {
                return false;
            }

            @Override
            public Target build() {
                return target;
            }
        };
    }
}
