package dev.packetwalk.app;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code packetwalk labs}: the built-in labs (none are built yet). */
@Command(name = "labs", mixinStandardHelpOptions = true, description = "Lists the built-in labs.")
final class LabsCommand implements Callable<Integer> {
    private final Console console;

    LabsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        return console.unavailable("the built-in labs dvr and legacy are not built yet; "
                + "run `packetwalk shell --bare` for one empty host");
    }
}
