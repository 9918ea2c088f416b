package dev.packetwalk.linux.netfilter;

/**
 * One "-m" match extension of a rule. Implementations are immutable values made by their
 * static factories (which the rule parser calls too); {@link #test} must not allocate (it runs
 * for every packet).
 */
public interface Match {
    /** The module name printed after "-m". */
    String module();

    boolean test(Packet packet, MatchEnv env);

    /**
     * Refuses the match the way iptables does when the rest of the rule does not allow it (the
     * protocol, a missing ipset); nothing by default.
     */
    default void check(RuleContext rule) {
    }

    /** Appends the options as iptables-save prints them, each with a leading space. */
    void save(StringBuilder sb);

    /**
     * Appends the text "iptables -L" prints in the match column, with a leading space;
     * {@code proto} is the rule's protocol (service names depend on it).
     */
    void list(StringBuilder sb, int proto, boolean numeric);
}
