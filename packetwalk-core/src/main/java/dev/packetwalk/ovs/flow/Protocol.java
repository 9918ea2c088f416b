package dev.packetwalk.ovs.flow;

/**
 * The OpenFlow dialect a flow is added or dumped with: ovs-ofctl's default OpenFlow 1.0 with
 * the Nicira extensions (NXM), or {@code -O OpenFlow13} (OXM).
 */
public enum Protocol {
    OPENFLOW10("OpenFlow10,NXM", "NXST_FLOW reply (xid=0x4):"),
    OPENFLOW13("OXM-OpenFlow13", "OFPST_FLOW reply (OF1.3) (xid=0x2):");

    private final String allowedFormats;
    private final String dumpHeader;

    Protocol(String allowedFormats, String dumpHeader) {
        this.allowedFormats = allowedFormats;
        this.dumpHeader = dumpHeader;
    }

    /** The list OVS prints in "... is among the allowed flow formats (%s)". */
    public String allowedFormats() {
        return allowedFormats;
    }

    /** The first line of a plain {@code dump-flows}. */
    public String dumpHeader() {
        return dumpHeader;
    }

    /** Maps {@code -O} values ({@code OpenFlow10}, {@code OpenFlow13}); null when unsupported. */
    public static Protocol fromOption(String name) {
        return switch (name) {
            case "OpenFlow10" -> OPENFLOW10;
            case "OpenFlow13" -> OPENFLOW13;
            default -> null;
        };
    }
}
