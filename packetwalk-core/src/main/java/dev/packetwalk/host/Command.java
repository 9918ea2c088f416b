package dev.packetwalk.host;

/**
 * One command a person can type on a node ({@code ovs-vsctl}, {@code ip}, {@code grep} ...).
 * It parses its arguments into a typed request, changes or reads the host's model, and prints
 * through the invocation. Commands are stateless: all state lives in the {@link Host}.
 */
@FunctionalInterface
public interface Command {
    /** Runs the command; returns its exit status (0 success, like the real tool otherwise). */
    int run(Invocation invocation);
}
