package dev.packetwalk.linux.netfilter;

/** Collects the options of one "-m" module while a rule is parsed. */
public interface MatchBuilder {
    /**
     * Takes the option {@code option} (with "!" before it when {@code invert}) and its
     * arguments from {@code args}; returns false when the option is not this module's.
     */
    boolean accept(String option, boolean invert, RuleTokens args);

    /** The finished match; throws a parameter error when a required option is missing. */
    Match build(RuleContext context);
}
