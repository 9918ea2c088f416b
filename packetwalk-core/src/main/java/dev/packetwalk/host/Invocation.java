package dev.packetwalk.host;

import java.util.List;

/**
 * One run of a command: the host and namespace it runs in, its argument vector (element 0 is
 * the command name, as in C's argv), its standard input, and where it writes.
 */
public final class Invocation {
    private final Host host;
    private final String namespace;
    private final List<String> argv;
    private final String stdin;
    private final StringBuilder out;
    private final StringBuilder err;
    private final Shell shell;

    public Invocation(Host host, String namespace, List<String> argv, String stdin,
                      StringBuilder out, StringBuilder err) {
        this(host, namespace, argv, stdin, out, err, null);
    }

    /** An invocation started by {@code shell}, which sub-commands ({@code ip netns exec}) reuse. */
    public Invocation(Host host, String namespace, List<String> argv, String stdin,
                      StringBuilder out, StringBuilder err, Shell shell) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv needs at least the command name");
        }
        this.host = host;
        this.namespace = namespace;
        this.argv = List.copyOf(argv);
        this.stdin = stdin == null ? "" : stdin;
        this.out = out;
        this.err = err;
        this.shell = shell;
    }

    public Host host() {
        return host;
    }

    /** The network namespace the command runs in, or null for the root namespace. */
    public String namespace() {
        return namespace;
    }

    public String name() {
        return argv.get(0);
    }

    /** All arguments after the command name. */
    public List<String> args() {
        return argv.subList(1, argv.size());
    }

    public List<String> argv() {
        return argv;
    }

    public String stdin() {
        return stdin;
    }

    public StringBuilder out() {
        return out;
    }

    public StringBuilder err() {
        return err;
    }

    /**
     * The shell that runs this command: use it to run other commands ({@link Shell#runIn}),
     * or to start a nested shell ({@link Shell#enterNested}). Without one, a fresh shell on
     * the same host in the same namespace.
     */
    public Shell shell() {
        if (shell != null) {
            return shell;
        }
        Shell fresh = new Shell(host);
        fresh.enterNamespace(namespace);
        return fresh;
    }

    public Invocation print(String text) {
        out.append(text);
        return this;
    }

    public Invocation println(String line) {
        out.append(line).append('\n');
        return this;
    }

    public Invocation errln(String line) {
        err.append(line).append('\n');
        return this;
    }

    /** The same context running another argument vector with other input (pipes, exec). */
    public Invocation withArgv(List<String> newArgv, String newStdin) {
        return new Invocation(host, namespace, newArgv, newStdin, out, err, shell);
    }

    public Invocation inNamespace(String ns) {
        return new Invocation(host, ns, argv, stdin, out, err, shell);
    }
}
