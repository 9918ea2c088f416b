package dev.packetwalk.linux.netfilter;

/**
 * A request the real iptables would refuse. {@link #usage()} tells whether the tool prints it
 * as a parameter problem ("iptables v1.8.9 (nf_tables): MSG" plus the "Try" hint, status 2) or
 * as a kernel refusal ("iptables: MSG", status 1); {@link #status()} is the exit status.
 */
public final class NetfilterException extends RuntimeException {
    private final int status;
    private final boolean usage;
    private final boolean raw;
    private boolean bare;

    private NetfilterException(String message, int status, boolean usage, boolean raw) {
        super(message);
        this.status = status;
        this.usage = usage;
        this.raw = raw;
    }

    /** A bad argument: "iptables v1.8.9 (nf_tables): MSG" + hint, status 2. */
    public static NetfilterException parameter(String message) {
        return new NetfilterException(message, 2, true, false);
    }

    /** An extension's required option is missing (xtables' "must be specified", with its blank line). */
    public static NetfilterException mustBeSpecified(String extension, String option) {
        return parameter(extension + ": option \"" + option + "\" must be specified\n");
    }

    /** An extension's option given twice. */
    public static NetfilterException onlyOnce(String extension, String option) {
        return parameter(extension + ": option \"" + option + "\" can only be used once.\n");
    }

    /** "!" before an extension's option that cannot be inverted. */
    public static NetfilterException cannotBeInverted(String extension, String option) {
        return parameter(extension + ": option \"" + option + "\" cannot be inverted.\n");
    }

    /** A rule header option (-s, -d, -i, -o, -p, -j) given twice. */
    public static NetfilterException multiple(String flag) {
        return parameter("multiple " + flag + " flags not allowed");
    }

    /** A stray word: "Bad argument `WORD'" + hint without the version prefix, status 2. */
    public static NetfilterException badArgument(String word) {
        NetfilterException e = new NetfilterException("Bad argument `" + word + "'", 2, true, false);
        e.bare = true;
        return e;
    }

    /** True when the usage message is printed without the version prefix. */
    public boolean bare() {
        return bare;
    }

    /** A refusal by the kernel side: "iptables: MSG", status 1. */
    public static NetfilterException refused(String message) {
        return new NetfilterException(message, 1, false, false);
    }

    /** A message printed after the version prefix without the hint, with the given status. */
    public static NetfilterException versioned(String message, int status) {
        return new NetfilterException(message, status, false, true);
    }

    public int status() {
        return status;
    }

    public boolean usage() {
        return usage;
    }

    /** True when the message follows the "iptables v1.8.9 (nf_tables): " prefix without the hint. */
    public boolean versioned() {
        return raw;
    }
}
