package dev.packetwalk.linux.neigh;

/** Neighbour unreachability detection states (NUD_*), in iproute2's spelling. */
public enum NudState {
    INCOMPLETE(0x01), REACHABLE(0x02), STALE(0x04), DELAY(0x08), PROBE(0x10), FAILED(0x20),
    NOARP(0x40), PERMANENT(0x80), NONE(0x00);

    private final int bit;

    NudState(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** Parses the {@code nud} argument of {@code ip neigh}; null when it is not a state. */
    public static NudState parse(String word) {
        return switch (word) {
            case "permanent" -> PERMANENT;
            case "reachable" -> REACHABLE;
            case "stale" -> STALE;
            case "delay" -> DELAY;
            case "probe" -> PROBE;
            case "failed" -> FAILED;
            case "incomplete" -> INCOMPLETE;
            case "noarp" -> NOARP;
            case "none" -> NONE;
            default -> null;
        };
    }
}
