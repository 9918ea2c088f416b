package dev.packetwalk.app;

import dev.packetwalk.host.ScriptReader;
import dev.packetwalk.host.Shell;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Runs standard input like {@code bash < script}, writing each command line's output as it ends. */
final class ScriptSession {
    private final Shell shell;
    private final Console console;

    ScriptSession(Shell shell, Console console) {
        this.shell = shell;
        this.console = console;
    }

    int run() {
        BufferedReader reader = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        return shell.runScript(ScriptReader.of(reader), out, err, () -> {
            console.out().print(out);
            console.out().flush();
            console.err().print(err);
            console.err().flush();
            out.setLength(0);
            err.setLength(0);
        });
    }
}
