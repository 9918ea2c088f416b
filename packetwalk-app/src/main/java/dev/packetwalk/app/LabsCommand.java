package dev.packetwalk.app;

import dev.packetwalk.cloud.lab.Lab;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code packetwalk labs}: the built-in labs, one line each. */
@Command(name = "labs", mixinStandardHelpOptions = true, description = "Lists the built-in labs.")
final class LabsCommand implements Callable<Integer> {
    private final Console console;

    LabsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        int width = Lab.ALL.stream().mapToInt(l -> l.name().length()).max().orElse(0);
        for (Lab lab : Lab.ALL) {
            console.out().println(String.format("%-" + width + "s  %s", lab.name(), lab.summary()));
        }
        return 0;
    }
}
