package dev.packetwalk.linux.netfilter;

import java.util.List;

/** The netfilter hooks and the tables registered on each, in the kernel's priority order. */
public enum Hook {
    PREROUTING(List.of("raw", "mangle", "nat")),
    INPUT(List.of("mangle", "filter", "nat")),
    FORWARD(List.of("mangle", "filter")),
    OUTPUT(List.of("raw", "mangle", "nat", "filter")),
    POSTROUTING(List.of("mangle", "nat"));

    private final List<String> tables;

    Hook(List<String> tables) {
        this.tables = tables;
    }

    /** The tables in priority order (raw -300, mangle -150, nat -100/+100, filter 0). */
    public List<String> tables() {
        return tables;
    }

    /** True where conntrack looks the packet up (after raw): PREROUTING and OUTPUT. */
    boolean tracks() {
        return this == PREROUTING || this == OUTPUT;
    }

    /** True where conntrack confirms a new connection: the last hook of the packet. */
    boolean confirms() {
        return this == INPUT || this == POSTROUTING;
    }
}
