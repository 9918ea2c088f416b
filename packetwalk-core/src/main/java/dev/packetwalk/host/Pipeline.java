package dev.packetwalk.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one pipeline in a shell. A lone command runs in the shell itself (so assignments and
 * {@code exit} affect it); each stage of a longer pipeline runs in a subshell, the output of
 * one stage being the input of the next. The status is the last stage's.
 */
final class Pipeline {
    private final Shell shell;
    private final List<CommandList.SimpleCommand> stages;

    Pipeline(Shell shell, List<CommandList.SimpleCommand> stages) {
        this.shell = shell;
        this.stages = stages;
    }

    int run(Streams streams) {
        if (stages.size() == 1) {
            return runSimple(shell, stages.get(0), streams);
        }
        String input = streams.in();
        int status = 0;
        for (int i = 0; i < stages.size(); i++) {
            boolean last = i == stages.size() - 1;
            StringBuilder stageOut = last ? streams.out() : new StringBuilder();
            status = runSimple(shell.subshell(), stages.get(i), new Streams(input, stageOut, streams.err()));
            input = stageOut.toString();
        }
        return status;
    }

    /** A {@code NAME=value} word before the command name, its value expanded. */
    private record Assignment(String name, String value) {
    }

    private static int runSimple(Shell shell, CommandList.SimpleCommand command, Streams streams) {
        List<String> argv = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        Streams redirected = streams;
        try {
            for (String raw : command.words()) {
                int eq = raw.indexOf('=');
                if (argv.isEmpty() && eq > 0 && WordExpansion.isName(raw.substring(0, eq))) {
                    String value = String.join(" ", WordExpansion.fields(raw.substring(eq + 1), shell::variable));
                    assignments.add(new Assignment(raw.substring(0, eq), value));
                } else {
                    argv.addAll(WordExpansion.fields(raw, shell::variable));
                }
            }
            for (Redirection r : command.redirections()) {
                List<String> target = WordExpansion.fields(r.target(), shell::variable);
                if (target.size() != 1) {
                    throw new Redirection.Failure(r.target() + ": ambiguous redirect");
                }
                redirected = r.apply(redirected, target.get(0));
            }
        } catch (ShellSyntaxException | Redirection.Failure e) {
            streams.err().append(shell.errorPrefix()).append(e.getMessage()).append('\n');
            return 1;
        }
        if (argv.isEmpty()) {
            assignments.forEach(a -> shell.assign(a.name(), a.value()));
            return 0;
        }
        if (argv.get(0).equals("exit")) {
            return shell.exit(argv.subList(1, argv.size()), redirected.err());
        }
        return shell.run(argv, redirected.in(), redirected.out(), redirected.err());
    }
}
