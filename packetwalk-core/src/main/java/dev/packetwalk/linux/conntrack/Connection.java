package dev.packetwalk.linux.conntrack;

/**
 * One tracked connection: the original tuple and the reply tuple it expects (NAT rewrites the
 * reply tuple), whether a reply was seen, its mark and its expiry on the host's clock.
 */
public final class Connection {
    /** Timeouts in seconds as Linux 6.1 sets them by default. */
    public static final int TCP_SYN_SENT = 120;
    public static final int TCP_ESTABLISHED = 432000;
    public static final int UDP_UNREPLIED = 30;
    public static final int UDP_REPLIED = 120;
    public static final int ICMP = 30;
    public static final int GENERIC = 600;

    private final Tuple original;
    private final Tuple reply;
    private final boolean snat;
    private final boolean dnat;
    private boolean replied;
    private int mark;
    private long expiresAt;
    private int held;

    public Connection(Tuple original, Tuple reply, boolean snat, boolean dnat, long nowNanos) {
        this.original = original;
        this.reply = reply;
        this.snat = snat;
        this.dnat = dnat;
        this.expiresAt = nowNanos + timeoutSeconds() * 1_000_000_000L;
    }

    public Tuple original() {
        return original;
    }

    /** The tuple replies carry (the inverse of the original, NAT applied). */
    public Tuple reply() {
        return reply;
    }

    public boolean snat() {
        return snat;
    }

    public boolean dnat() {
        return dnat;
    }

    public boolean replied() {
        return replied;
    }

    /** A packet of this connection waits somewhere (a neighbour queue) and holds a reference. */
    public void hold() {
        held++;
    }

    public void release() {
        held--;
    }

    /** The reference count conntrack -L prints as use=: the table's own and the waiting packets'. */
    public int use() {
        return 1 + held;
    }

    public int mark() {
        return mark;
    }

    public void mark(int newMark) {
        this.mark = newMark;
    }

    public int zone() {
        return original.zone();
    }

    public long expiresAt() {
        return expiresAt;
    }

    /** Seconds left, as conntrack -L prints them. */
    public long secondsLeft(long nowNanos) {
        return Math.max(0, (expiresAt - nowNanos) / 1_000_000_000L);
    }

    /** A packet of this connection was seen; {@code fromReply} when it came the reply way. */
    public void seen(boolean fromReply, long nowNanos) {
        if (fromReply) {
            replied = true;
        }
        expiresAt = nowNanos + timeoutSeconds() * 1_000_000_000L;
    }

    private int timeoutSeconds() {
        return switch (original.proto()) {
            case 6 -> replied ? TCP_ESTABLISHED : TCP_SYN_SENT;
            case 17 -> replied ? UDP_REPLIED : UDP_UNREPLIED;
            case 1 -> ICMP;
            default -> GENERIC;
        };
    }
}
