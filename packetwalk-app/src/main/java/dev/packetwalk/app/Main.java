package dev.packetwalk.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The {@code packetwalk} command line (design §7): {@code shell}, {@code exec}, {@code labs}.
 * Exit status 0 on success, the command's status for {@code exec} and scripts, 2 on bad input.
 */
@Command(name = "packetwalk", mixinStandardHelpOptions = true, version = "packetwalk 0.1.0",
        description = "A digital twin of an OpenStack Neutron cloud on Open vSwitch.",
        subcommands = {ShellCommand.class, ExecCommand.class, LabsCommand.class})
public final class Main implements Callable<Integer> {
    private final Console console;

    Main(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err));
    }

    /** Runs one command line; the session is interactive only on the process's own terminal. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        boolean terminal = in == System.in && System.console() != null;
        Console console = new Console(in, out, err, terminal);
        CommandLine cli = new CommandLine(new Main(console), new ConsoleFactory(console));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** {@code packetwalk} alone: the shell on the default lab's login node. */
    @Override
    public Integer call() throws Exception {
        return ShellCommand.session(console, new Source(), null);
    }

    /** Gives every subcommand the same console. */
    private record ConsoleFactory(Console console) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Console.class).newInstance(console);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
