package dev.packetwalk.linux;

/**
 * A kernel refusal of a netlink request: the error number and, when the kernel attaches one,
 * the extended-ack message ({@code Error: Nexthop has invalid gateway.}). Nothing of the
 * request has been applied when it is thrown.
 */
public final class NetlinkException extends RuntimeException {
    private final Errno errno;
    private final String extack;

    public NetlinkException(Errno errno, String extack) {
        super(extack != null ? extack : errno.text(), null, false, false);
        this.errno = errno;
        this.extack = extack;
    }

    public NetlinkException(Errno errno) {
        this(errno, null);
    }

    public Errno errno() {
        return errno;
    }

    /** The kernel's extended-ack text, or null when it sends only the error number. */
    public String extack() {
        return extack;
    }

    /** The line iproute2 prints for this error. */
    public String iprouteMessage() {
        return extack != null ? "Error: " + extack : "RTNETLINK answers: " + errno.text();
    }
}
