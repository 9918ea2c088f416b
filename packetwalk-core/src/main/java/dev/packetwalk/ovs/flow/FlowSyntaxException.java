package dev.packetwalk.ovs.flow;

import java.util.List;

/**
 * Flow text OVS rejects. {@link #getMessage()} is the text ovs-ofctl prints after
 * {@code ovs-ofctl: } (exit status 1). When {@link #ofpError()} is non-null the switch, not
 * ovs-ofctl, rejected the flow with that OpenFlow error (e.g. {@code OFPBRC_EPERM}); ovs-ofctl
 * then prints {@code OFPT_ERROR (xid=0x..): CODE} and the flow_mod instead. {@link #log()} holds
 * the log lines written to stderr before the error.
 */
public final class FlowSyntaxException extends RuntimeException {
    private final transient List<LogLine> log;
    private final String ofpError;

    public FlowSyntaxException(String message) {
        this(message, List.of(), null);
    }

    public FlowSyntaxException(String message, List<LogLine> log, String ofpError) {
        super(message, null, false, false);
        this.log = List.copyOf(log);
        this.ofpError = ofpError;
    }

    public List<LogLine> log() {
        return log;
    }

    public String ofpError() {
        return ofpError;
    }

    /** The same error with log lines written before it. */
    public FlowSyntaxException withLog(List<LogLine> earlier) {
        if (earlier.isEmpty()) {
            return this;
        }
        List<LogLine> all = new java.util.ArrayList<>(earlier);
        all.addAll(log);
        return new FlowSyntaxException(getMessage(), all, ofpError);
    }
}
