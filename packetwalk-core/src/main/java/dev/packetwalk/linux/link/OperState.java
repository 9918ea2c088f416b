package dev.packetwalk.linux.link;

/** RFC 2863 operational states, as {@code ip link} prints them after {@code state}. */
public enum OperState {
    UNKNOWN, DOWN, LOWERLAYERDOWN, UP
}
