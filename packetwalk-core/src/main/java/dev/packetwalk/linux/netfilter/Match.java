package dev.packetwalk.linux.netfilter;

/**
 * One "-m" match extension of a rule. Implementations are immutable; {@link #test} must not
 * allocate (it runs for every packet).
 */
public interface Match {
    /** The module name printed after "-m". */
    String module();

    boolean test(Packet packet, MatchEnv env);

    /** Appends the options as iptables-save prints them, each with a leading space. */
    void save(StringBuilder sb);

    /** Appends the text "iptables -L" prints in the match column, with a leading space. */
    void list(StringBuilder sb, boolean numeric);
}
