package dev.packetwalk.linux.netfilter;

/** The "-j" part of a rule: a verdict, a jump to a user chain, or a target extension. */
public interface Target {
    /** What the traversal does after the target ran. */
    enum Outcome { CONTINUE, ACCEPT, DROP, RETURN, JUMP, GOTO }

    /** The name written after "-j". */
    String name();

    /** The name "iptables -L" prints in the target column. */
    default String listName() {
        return name();
    }

    /** The only table the kernel accepts this target in, or null for any table. */
    default String table() {
        return null;
    }

    /** Refuses the target the way iptables does when the rule does not allow it; nothing by default. */
    default void check(RuleContext rule) {
    }

    /** Appends the target's options as iptables-save prints them (leading spaces). */
    void save(StringBuilder sb);

    /** Appends the text "iptables -L" prints after the matches (leading space), if any. */
    void list(StringBuilder sb, boolean numeric);

    /** The outcome when it never depends on the packet and the target changes nothing, else null. */
    default Outcome fixedOutcome() {
        return null;
    }

    /** Runs the target on the packet in {@code env}. */
    Outcome apply(TargetEnv env);
}
