package dev.packetwalk.ovs.flowmod;

/** Flow-mod flags in the order OF1.3 dumps print them. */
public enum FlowModFlag {
    SEND_FLOW_REM("send_flow_rem"),
    CHECK_OVERLAP("check_overlap"),
    RESET_COUNTS("reset_counts"),
    NO_PACKET_COUNTS("no_packet_counts"),
    NO_BYTE_COUNTS("no_byte_counts");

    private final String keyword;

    FlowModFlag(String keyword) {
        this.keyword = keyword;
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
