package dev.packetwalk.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs command lines on a host the way bash would: words and quoting ({@link ShellWords}),
 * pipelines, {@code ;}, {@code &&} and {@code ||}. It prints only what the commands print.
 */
public final class Shell {
    private final Host host;
    private String namespace;

    public Shell(Host host) {
        this.host = host;
    }

    public Host host() {
        return host;
    }

    /** The namespace commands run in (null: the root namespace). */
    public String namespace() {
        return namespace;
    }

    public void enterNamespace(String ns) {
        this.namespace = ns;
    }

    /** Runs every line of a script; returns the status of the last command. */
    public int runScript(String script, StringBuilder out, StringBuilder err) {
        int status = 0;
        for (String line : script.split("\n", -1)) {
            status = runLine(line, out, err);
        }
        return status;
    }

    /** Runs one line; returns the status of its last pipeline. */
    public int runLine(String line, StringBuilder out, StringBuilder err) {
        List<ShellWords.Token> tokens;
        try {
            tokens = ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            err.append("bash: ").append(e.getMessage()).append('\n');
            return 2;
        }
        int status = 0;
        String pendingOp = null;
        List<List<String>> pipeline = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i <= tokens.size(); i++) {
            ShellWords.Token t = i < tokens.size() ? tokens.get(i) : new ShellWords.Token(";", true);
            if (!t.isOperator()) {
                current.add(t.text());
                continue;
            }
            if (t.text().equals("|")) {
                if (current.isEmpty()) {
                    err.append("bash: syntax error near unexpected token `|'\n");
                    return 2;
                }
                pipeline.add(current);
                current = new ArrayList<>();
                continue;
            }
            if (!current.isEmpty()) {
                pipeline.add(current);
            }
            current = new ArrayList<>();
            if (!pipeline.isEmpty()) {
                boolean run = pendingOp == null || (pendingOp.equals("&&") == (status == 0));
                if (run) {
                    status = runPipeline(pipeline, out, err);
                }
            }
            pipeline = new ArrayList<>();
            pendingOp = t.text().equals(";") ? null : t.text();
        }
        return status;
    }

    private int runPipeline(List<List<String>> pipeline, StringBuilder out, StringBuilder err) {
        String input = "";
        int status = 0;
        for (int i = 0; i < pipeline.size(); i++) {
            boolean last = i == pipeline.size() - 1;
            StringBuilder stageOut = last ? out : new StringBuilder();
            status = run(pipeline.get(i), input, stageOut, err);
            input = stageOut.toString();
        }
        return status;
    }

    /** Runs one simple command with the given standard input. */
    public int run(List<String> argv, String stdin, StringBuilder out, StringBuilder err) {
        String name = argv.get(0);
        Command command = host.command(name).orElse(null);
        if (command == null) {
            err.append("bash: ").append(name).append(": command not found\n");
            return 127;
        }
        try {
            return command.run(new Invocation(host, namespace, argv, stdin, out, err));
        } catch (RuntimeException e) {
            err.append(name).append(": internal error: ").append(e).append('\n');
            return 70;
        }
    }
}
