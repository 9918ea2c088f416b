package dev.packetwalk.cloud.model;

/** A request the cloud refuses (an IP outside its subnet, overlapping pools ...), with a message a user can act on. */
public final class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }
}
