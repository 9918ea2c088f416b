package dev.packetwalk.ovs.ofproto;

/**
 * The switch refused a flow mod with an OpenFlow error ({@code OFPBRC_EPERM} for the
 * read-only table 254, {@code OFPFMFC_OVERLAP} for a {@code check_overlap} add that overlaps).
 * Nothing was changed.
 */
public final class OpenFlowError extends RuntimeException {
    private final String code;

    public OpenFlowError(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    /** The error's name as ovs-ofctl prints it. */
    public String code() {
        return code;
    }
}
