package dev.packetwalk.host.command.linux;

/** A refusal by an iproute2-style tool: the text it prints on stderr and its exit status. */
final class IpFailure extends RuntimeException {
    private final int status;

    IpFailure(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** iproute2's invarg(): {@code Error: argument "X" is wrong: MSG} and a blank line, 255. */
    static IpFailure invalidArgument(String msg, String arg) {
        return new IpFailure("Error: argument \"" + arg + "\" is wrong: " + msg + "\n", 255);
    }

    static IpFailure incomplete() {
        return new IpFailure("Command line is not complete. Try option \"help\"", 255);
    }

    static IpFailure noDevice(String name) {
        return new IpFailure("Cannot find device \"" + name + "\"", 1);
    }

    static IpFailure badPrefix(String kind, String arg) {
        return new IpFailure("Error: " + kind + " prefix is expected rather than \"" + arg + "\".", 1);
    }
}
