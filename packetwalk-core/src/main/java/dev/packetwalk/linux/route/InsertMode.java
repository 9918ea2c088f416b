package dev.packetwalk.linux.route;

/** The netlink flags of a route request: {@code ip route add|replace|append|prepend|change}. */
public enum InsertMode {
    /** NLM_F_CREATE|NLM_F_EXCL: fails when a route with the same prefix, TOS and metric exists. */
    ADD,
    /** NLM_F_CREATE|NLM_F_REPLACE: replaces the first such route or adds one. */
    REPLACE,
    /** NLM_F_CREATE|NLM_F_APPEND: adds after the others unless an identical one exists. */
    APPEND,
    /** NLM_F_CREATE: adds before the others unless an identical one exists. */
    PREPEND,
    /** NLM_F_REPLACE: replaces the first such route; fails when there is none. */
    CHANGE
}
