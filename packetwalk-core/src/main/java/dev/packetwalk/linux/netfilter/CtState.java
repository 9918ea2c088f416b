package dev.packetwalk.linux.netfilter;

/** Conntrack state bits as the state and conntrack matches name them, in their print order. */
public final class CtState {
    public static final int INVALID = 1;
    public static final int NEW = 2;
    public static final int RELATED = 4;
    public static final int ESTABLISHED = 8;
    public static final int UNTRACKED = 16;
    public static final int SNAT = 32;
    public static final int DNAT = 64;

    private static final String[] NAMES = {"INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED",
        "SNAT", "DNAT"};

    private CtState() {
    }

    /** Parses "RELATED,ESTABLISHED"; {@code withNat} allows SNAT/DNAT (conntrack match only). */
    public static int parse(String text, boolean withNat, String option) {
        int bits = 0;
        for (String part : text.split(",", -1)) {
            int bit = -1;
            for (int i = 0; i < (withNat ? NAMES.length : 5); i++) {
                if (NAMES[i].equalsIgnoreCase(part)) {
                    bit = 1 << i;
                }
            }
            if (bit < 0) {
                throw NetfilterException.parameter("Bad " + option + " value \"" + part + "\"");
            }
            bits |= bit;
        }
        return bits;
    }

    /**
     * Returns {@code bits} when they name at least one state, and SNAT or DNAT only when
     * {@code withNat}; else the error iptables gives for the first state it would refuse.
     */
    static int require(int bits, boolean withNat, String option) {
        int allowed = (1 << (withNat ? NAMES.length : 5)) - 1;
        int bad = bits & ~allowed;
        if (bad != 0) {
            int i = Integer.numberOfTrailingZeros(bad);
            String name = i < NAMES.length ? NAMES[i] : Integer.toString(1 << i);
            throw NetfilterException.parameter("Bad " + option + " value \"" + name + "\"");
        }
        if (bits == 0) {
            throw NetfilterException.parameter("Bad " + option + " value \"\"");
        }
        return bits;
    }

    public static void append(StringBuilder sb, int bits) {
        boolean first = true;
        for (int i = 0; i < NAMES.length; i++) {
            if ((bits & (1 << i)) != 0) {
                sb.append(first ? "" : ",").append(NAMES[i]);
                first = false;
            }
        }
    }
}
