package dev.packetwalk.ovs.db;

/**
 * A request the database refuses, with the text ovs-vsctl prints after {@code ovs-vsctl: }
 * and the exit status it returns.
 */
public final class OvsDbException extends RuntimeException {
    private final int status;

    public OvsDbException(String message) {
        this(message, 1);
    }

    public OvsDbException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
