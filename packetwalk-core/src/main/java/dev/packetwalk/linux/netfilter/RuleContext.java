package dev.packetwalk.linux.netfilter;

/** What a match or target needs to know about the rule it is built for. */
public record RuleContext(int proto, boolean protoInverted, MatchEnv env, String table) {
}
