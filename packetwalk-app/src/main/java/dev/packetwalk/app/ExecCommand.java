package dev.packetwalk.app;

import dev.packetwalk.host.Shell;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code packetwalk exec [--lab NAME | --scenario FILE | --bare] NODE -- COMMAND...}: one command line on one node. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Runs one command line on one node and exits with its status.")
final class ExecCommand implements Callable<Integer> {
    private final Console console;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Parameters(index = "0", paramLabel = "NODE", description = "the node")
    String node;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND",
            description = "the command line (its words are joined with spaces, as ssh does)")
    List<String> command;

    ExecCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Shell shell;
        try {
            shell = new Shell(source.open(node).host(node));
        } catch (BadInput e) {
            return console.refuse(e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = shell.runScript(String.join(" ", command) + "\n", out, err);
        console.out().print(out);
        console.err().print(err);
        return status;
    }
}
