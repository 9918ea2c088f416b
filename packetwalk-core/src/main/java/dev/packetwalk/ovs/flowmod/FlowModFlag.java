package dev.packetwalk.ovs.flowmod;

import dev.packetwalk.ovs.flow.FlowFormats;

/** Flow-mod flags in the order OF1.3 dumps print them. */
public enum FlowModFlag {
    SEND_FLOW_REM("send_flow_rem", FlowFormats.ANY),
    CHECK_OVERLAP("check_overlap", FlowFormats.ANY),
    RESET_COUNTS("reset_counts", FlowFormats.OF12_UP),
    NO_PACKET_COUNTS("no_packet_counts", FlowFormats.OF13_UP),
    NO_BYTE_COUNTS("no_byte_counts", FlowFormats.OF13_UP);

    private final String keyword;
    private final int usable;

    FlowModFlag(String keyword, int usable) {
        this.keyword = keyword;
        this.usable = usable;
    }

    /** The protocols that can carry the flag ({@link FlowFormats} bits). */
    public int usable() {
        return usable;
    }

    public String keyword() {
        return keyword;
    }

    public static FlowModFlag byKeyword(String k) {
        for (FlowModFlag f : values()) {
            if (f.keyword.equals(k)) {
                return f;
            }
        }
        return null;
    }
}
