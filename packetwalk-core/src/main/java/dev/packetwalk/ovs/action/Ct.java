package dev.packetwalk.ovs.action;

import java.util.List;

import dev.packetwalk.ovs.flow.Subfield;

/**
 * {@code ct(...)}: send the packet through conntrack. {@code zoneSrc} is non-null when the zone
 * comes from a field, else {@code zone} is the immediate zone; {@code table} is
 * {@link #NO_TABLE} when the packet is not recirculated; {@code alg} is null or {@code ftp}/{@code tftp};
 * {@code nat} is null when absent.
 */
public record Ct(boolean commit, boolean force, int zone, Subfield zoneSrc, int table, String alg,
        Nat nat, List<Action> exec) implements Action {
    public static final int NO_TABLE = 255;

    public Ct {
        exec = List.copyOf(exec);
    }

    /**
     * {@code nat}, {@code nat(src=A[-B][:P[-Q]],persistent,...)}. kind is NONE for a bare {@code nat}
     * (reverse NAT of established connections). Addresses are unsigned IPv4; ports 0 when absent.
     */
    public record Nat(Kind kind, long ipMin, long ipMax, int portMin, int portMax, boolean persistent,
            boolean hash, boolean random) {
        public enum Kind { NONE, SRC, DST }
    }
}
