package dev.packetwalk.ovs.ofproto;

/**
 * The switch refused a flow mod with an OpenFlow error ({@code OFPBRC_EPERM} for the
 * read-only table 254, {@code OFPFMFC_OVERLAP} for a {@code check_overlap} add that overlaps).
 * Nothing was changed by the refused flow mod (in a batch, the ones before it stay).
 */
public final class OpenFlowError extends RuntimeException {
    private final String code;
    private final int index;

    public OpenFlowError(String code) {
        this(code, -1);
    }

    private OpenFlowError(String code, int index) {
        super(code, null, false, false);
        this.code = code;
        this.index = index;
    }

    /** The error's name as ovs-ofctl prints it. */
    public String code() {
        return code;
    }

    /** Where in a batch the refused flow mod was ({@link FlowMods#applyAll}); -1 outside a batch. */
    public int index() {
        return index;
    }

    /** The same error, for the flow mod at {@code position} of a batch. */
    OpenFlowError at(int position) {
        return new OpenFlowError(code, position);
    }
}
