package dev.packetwalk.linux.netfilter;

/**
 * Collects the option words of one "-m" module while a rule is parsed, turning them into the
 * module's typed factories (so parsed and built matches are made in one place).
 */
interface MatchOptions {
    /**
     * Takes the option {@code option} (with "!" before it when {@code invert}) and its
     * arguments from {@code args}; returns false when the option is not this module's.
     */
    boolean accept(String option, boolean invert, RuleTokens args);

    /** The finished match; throws a parameter error when a required option is missing. */
    Match build(RuleContext context);
}
