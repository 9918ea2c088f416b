package dev.packetwalk.linux.route;

import dev.packetwalk.linux.Errno;

/** What a matching policy rule does (FR_ACT_*). */
public enum RuleAction {
    LOOKUP("lookup", null),
    GOTO("goto", null),
    NOP("nop", null),
    BLACKHOLE("blackhole", Errno.EINVAL),
    UNREACHABLE("unreachable", Errno.ENETUNREACH),
    PROHIBIT("prohibit", Errno.EACCES);

    private final String keyword;
    private final Errno error;

    RuleAction(String keyword, Errno error) {
        this.keyword = keyword;
        this.error = error;
    }

    public String keyword() {
        return keyword;
    }

    /** The error a lookup that reaches this rule returns (for the reject actions). */
    public Errno error() {
        return error;
    }
}
