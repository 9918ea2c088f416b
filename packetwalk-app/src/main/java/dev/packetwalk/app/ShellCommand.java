package dev.packetwalk.app;

import dev.packetwalk.host.Shell;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code packetwalk shell [--lab NAME | --scenario FILE | --bare] [--host NODE]}: an interactive
 * shell on a terminal, or the lines of standard input run like {@code bash < script}.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "A shell on one node (default: the dvr lab's controller); reads a script from standard input "
                + "when it is not a terminal.")
final class ShellCommand implements Callable<Integer> {
    private final Console console;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--host", paramLabel = "NODE", description = "the node to log in to (default: the lab's login node)")
    String node;

    ShellCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        return session(console, source, node);
    }

    /** Opens a shell on {@code node} of {@code source}: interactive on a terminal, else a script. */
    static int session(Console console, Source source, String node) throws Exception {
        Shell shell;
        try {
            shell = new Shell(source.open(node).host(node));
        } catch (BadInput e) {
            return console.refuse(e.getMessage());
        }
        return console.terminal() ? new InteractiveSession(shell).run() : new ScriptSession(shell, console).run();
    }
}
