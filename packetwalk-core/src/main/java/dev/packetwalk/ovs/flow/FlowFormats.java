package dev.packetwalk.ovs.flow;

/**
 * Sets of OpenFlow protocols a flow_mod can be sent in ({@code enum ofputil_protocol}), as bit
 * masks: ovs-ofctl intersects what every match field, flag and action of a flow allows and
 * fails with "none of the usable flow formats (...)" when nothing the connection allows is left.
 */
public final class FlowFormats {
    public static final int OF10_STD = 1;
    public static final int OF10_STD_TID = 1 << 1;
    public static final int OF10_NXM = 1 << 2;
    public static final int OF10_NXM_TID = 1 << 3;
    public static final int OF11_STD = 1 << 4;
    public static final int OF12_OXM = 1 << 5;
    public static final int OF13_OXM = 1 << 6;
    public static final int OF14_OXM = 1 << 7;
    public static final int OF15_OXM = 1 << 8;

    public static final int NONE = 0;
    public static final int OF10_STD_ANY = OF10_STD | OF10_STD_TID;
    public static final int OF10_NXM_ANY = OF10_NXM | OF10_NXM_TID;
    public static final int OF10_ANY = OF10_STD_ANY | OF10_NXM_ANY;
    public static final int ANY_OXM = OF12_OXM | OF13_OXM | OF14_OXM | OF15_OXM;
    public static final int NXM_OXM_ANY = OF10_NXM_ANY | ANY_OXM;
    public static final int OF11_UP = OF11_STD | ANY_OXM;
    public static final int NXM_OF11_UP = OF10_NXM_ANY | OF11_UP;
    public static final int OF12_UP = ANY_OXM;
    public static final int OF13_UP = OF13_OXM | OF14_OXM | OF15_OXM;
    public static final int TID = OF10_STD_TID | OF10_NXM_TID | OF11_STD | ANY_OXM;
    public static final int ANY = (1 << 9) - 1;

    private static final int[] ABBREVIATED = {ANY, OF10_STD_ANY, OF10_NXM_ANY, ANY_OXM};
    private static final String[] ABBREVIATIONS = {"any", "OpenFlow10", "NXM", "OXM"};
    private static final String[] NAMES = {"OpenFlow10-table_id", "OpenFlow10+table_id", "NXM-table_id",
        "NXM+table_id", "OpenFlow11", "OXM-OpenFlow12", "OXM-OpenFlow13", "OXM-OpenFlow14", "OXM-OpenFlow15"};

    private FlowFormats() {
    }

    /** What ovs-ofctl may use with {@code -O} of this protocol (none given means OpenFlow 1.0). */
    public static int allowed(Protocol p) {
        return p == Protocol.OPENFLOW10 ? OF10_ANY : OF13_OXM;
    }

    /**
     * The protocol ovs-ofctl sends a flow_mod in ({@code open_vconn_for_flow_mod}): the
     * connection's own (OpenFlow 1.0 without extensions, or OpenFlow 1.3) if usable, else the
     * first usable allowed one in bit order (table-id extension, then NXM, then both).
     */
    public static int chosen(int usable, Protocol p) {
        if (p == Protocol.OPENFLOW13) {
            return OF13_OXM;
        }
        int candidates = usable & OF10_ANY;
        if ((candidates & OF10_STD) != 0 || candidates == 0) {
            return OF10_STD;
        }
        return Integer.lowestOneBit(candidates);
    }

    /** How many requests ovs-ofctl sends to switch to that protocol (set flow format, table-id extension). */
    public static int switchRequests(int chosen) {
        return ((chosen & OF10_NXM_ANY) != 0 ? 1 : 0) + ((chosen & (OF10_STD_TID | OF10_NXM_TID)) != 0 ? 1 : 0);
    }

    /** ovs-ofctl's message when none of the {@code usable} protocols is allowed with {@code -O} of p. */
    public static String notAllowed(int usable, Protocol p) {
        return "none of the usable flow formats (" + names(usable) + ") is among the allowed flow formats ("
                + names(allowed(p)) + ")";
    }

    /** ovs-ofctl's name for a set ({@code ofputil_protocols_to_string}). */
    public static String names(int set) {
        if (set == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        int rest = set;
        while (rest != 0) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            boolean done = false;
            for (int i = 0; i < ABBREVIATED.length && !done; i++) {
                if ((rest & ABBREVIATED[i]) == ABBREVIATED[i]) {
                    sb.append(ABBREVIATIONS[i]);
                    rest &= ~ABBREVIATED[i];
                    done = true;
                }
            }
            if (!done) {
                int bit = Integer.numberOfTrailingZeros(rest);
                sb.append(NAMES[bit]);
                rest &= ~(1 << bit);
            }
        }
        return sb.toString();
    }

    /**
     * The protocols that can match (or set) field f with this mask: an exact match, a CIDR-style
     * prefix mask, or an arbitrary bit mask (OVS's per-field table, {@code mf_set}).
     */
    public static int field(Field f, long mask) {
        long ones = f.width() >= 64 ? -1L : (1L << f.width()) - 1;
        long m = mask & ones;
        if (m == 0) {
            return ANY;
        }
        if (m == ones) {
            return exact(f);
        }
        return masked(f, isPrefix(m, f.width()));
    }

    private static boolean isPrefix(long m, int width) {
        long inv = ~m & (width >= 64 ? -1L : (1L << width) - 1);
        return (inv & (inv + 1)) == 0;
    }

    private static int exact(Field f) {
        return switch (f) {
            case IN_PORT, ETH_SRC, ETH_DST, ETH_TYPE, VLAN_TCI, DL_VLAN, DL_VLAN_PCP, VLAN_VID, VLAN_PCP, IP_SRC,
                    IP_DST, NW_PROTO, NW_TOS, IP_DSCP, ARP_OP, ARP_SPA, ARP_TPA, TCP_SRC, TCP_DST, UDP_SRC, UDP_DST,
                    ICMP_TYPE, ICMP_CODE -> ANY;
            case IN_PORT_OXM, METADATA, NW_ECN, SCTP_SRC, SCTP_DST -> NXM_OF11_UP;
            case TUN_TOS, TUN_TTL -> NONE;
            default -> NXM_OXM_ANY;
        };
    }

    private static int masked(Field f, boolean cidr) {
        return switch (f) {
            case IP_SRC, IP_DST, ARP_SPA, ARP_TPA -> cidr ? ANY : NXM_OF11_UP;
            case ETH_SRC, ETH_DST, METADATA -> NXM_OF11_UP;
            case TUN_TOS, TUN_TTL -> NONE;
            default -> NXM_OXM_ANY;
        };
    }
}
