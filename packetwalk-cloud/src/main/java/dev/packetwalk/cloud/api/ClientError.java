package dev.packetwalk.cloud.api;

/**
 * A request a client gives up on after parsing it (an unknown name, no recognized column), with
 * the message the client prints; {@code kind} is the Python exception's class name, which
 * novaclient shows ({@code ERROR (CommandError): ...}).
 */
final class ClientError extends Exception {
    private final String kind;

    ClientError(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }
}
