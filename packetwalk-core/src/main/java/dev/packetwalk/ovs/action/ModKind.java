package dev.packetwalk.ovs.action;

import dev.packetwalk.ovs.flow.Field;

/** The OpenFlow 1.0 header-rewrite actions and the OXM field each one sets in OF1.1+. */
public enum ModKind {
    DL_SRC("mod_dl_src", Field.ETH_SRC),
    DL_DST("mod_dl_dst", Field.ETH_DST),
    NW_SRC("mod_nw_src", Field.IP_SRC),
    NW_DST("mod_nw_dst", Field.IP_DST),
    /** The value is the TOS byte (DSCP in the high six bits); OF1.3 prints {@code set_field:DSCP->ip_dscp}. */
    NW_TOS("mod_nw_tos", Field.NW_TOS),
    NW_ECN("mod_nw_ecn", Field.NW_ECN),
    NW_TTL("mod_nw_ttl", Field.NW_TTL),
    /** The L4 field (tcp/udp/sctp) depends on the packet's nw_proto. */
    TP_SRC("mod_tp_src", Field.TCP_SRC),
    TP_DST("mod_tp_dst", Field.TCP_DST);

    private final String keyword;
    private final Field field;

    ModKind(String keyword, Field field) {
        this.keyword = keyword;
        this.field = field;
    }

    public String keyword() {
        return keyword;
    }

    /** The field written (for TP_SRC/TP_DST: the TCP one; UDP/SCTP share its bits in a Flow). */
    public Field field() {
        return field;
    }
}
