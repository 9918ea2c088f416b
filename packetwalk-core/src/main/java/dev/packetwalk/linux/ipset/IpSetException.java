package dev.packetwalk.linux.ipset;

/** A request ipset refuses; the message follows "ipset v7.17: ". */
public final class IpSetException extends RuntimeException {
    public IpSetException(String message) {
        super(message);
    }
}
