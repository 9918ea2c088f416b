package dev.packetwalk.app;

import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code packetwalk shell [--bare] [--host NODE]}: an interactive shell on a terminal, or
 * the lines of standard input run like {@code bash < script}.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "A shell on one node; reads a script from standard input when it is not a terminal.")
final class ShellCommand implements Callable<Integer> {
    private final Console console;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--host", paramLabel = "NODE", description = "the node to log in to (default: localhost)")
    String node;

    ShellCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        String reason = source.unavailableReason();
        if (reason != null) {
            return console.unavailable(reason);
        }
        Shell shell = new Shell(Hosts.bare(node == null ? "localhost" : node));
        return console.terminal() ? new InteractiveSession(shell).run() : new ScriptSession(shell, console).run();
    }
}
