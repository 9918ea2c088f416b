package dev.packetwalk.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs command lines on a host the way a root bash on Debian would: words, quoting and
 * parameters ({@link ShellWords}, {@link WordExpansion}), pipelines, {@code ;}, {@code &&},
 * {@code ||}, redirections to {@code /dev/null} and between stdout and stderr, {@code $?},
 * {@code VAR=value} and {@code exit}. It prints only what the commands print, and bash's own
 * errors on stderr. A {@code bash} run inside a namespace ({@code ip netns exec NS bash})
 * nests: later lines run in that namespace until {@code exit}.
 */
public final class Shell {
    private static final List<String> PATH = List.of(
            "/usr/local/sbin/", "/usr/local/bin/", "/usr/sbin/", "/usr/bin/", "/sbin/", "/bin/");

    private final Host host;
    /** The namespace of each nested bash; element 0 is the login shell's. */
    private final List<String> levels = new ArrayList<>();
    private final Map<String, String> variables;
    private int status;
    private boolean exited;
    private boolean interactive;
    private int lineNumber;
    private Screen screen;
    /** True for Debian's /bin/sh (dash), whose messages differ from bash's. */
    private boolean dash;
    /** True when running a {@code -c} string: bash then names it in syntax errors. */
    private boolean commandString;

    public Shell(Host host) {
        this(host, null, new HashMap<>());
    }

    private Shell(Host host, String namespace, Map<String, String> variables) {
        this.host = host;
        this.levels.add(namespace);
        this.variables = variables;
    }

    public Host host() {
        return host;
    }

    /** The namespace commands run in (null: the root namespace). */
    public String namespace() {
        return levels.get(levels.size() - 1);
    }

    /** Moves the current shell level into another namespace. */
    public void enterNamespace(String ns) {
        levels.set(levels.size() - 1, ns);
    }

    /** Starts a nested shell in {@code ns}, as {@code ip netns exec NS bash} does; exit leaves it. */
    public void enterNested(String ns) {
        levels.add(ns);
    }

    /** How many nested shells are open above the login shell. */
    public int nesting() {
        return levels.size() - 1;
    }

    /** Whether the login shell has exited ({@code exit}, or a syntax error in a script). */
    public boolean exited() {
        return exited;
    }

    /** The status of the last command ({@code $?}). */
    public int status() {
        return status;
    }

    /** Interactive shells print errors without line numbers and keep going after syntax errors. */
    public void setInteractive(boolean interactive) {
        this.interactive = interactive;
    }

    public boolean interactive() {
        return interactive;
    }

    /** The screen of an interactive session (for {@code watch}), or null when running a script. */
    public Screen screen() {
        return screen;
    }

    public void attach(Screen newScreen) {
        this.screen = newScreen;
    }

    /** Debian's default root prompt. */
    public String prompt() {
        return "root@" + host.name() + ":~# ";
    }

    /** Names a person can type: the host's commands and the shell's own builtins. */
    public Set<String> commandNames() {
        Set<String> names = new TreeSet<>(host.commands().keySet());
        names.add("exit");
        return names;
    }

    /** A child shell (pipeline stage, {@code sh -c}): same host and namespace, copied variables. */
    public Shell subshell() {
        Shell child = new Shell(host, namespace(), new HashMap<>(variables));
        child.status = status;
        child.interactive = interactive;
        child.lineNumber = lineNumber;
        child.screen = screen;
        return child;
    }

    /**
     * A child shell for {@code PROGRAM -c STRING} ({@code program} "bash", or "sh" for Debian's
     * dash, which {@code watch} uses): lines count from 1 within the string, as do the messages.
     */
    public Shell commandStringShell(String program) {
        Shell child = subshell();
        child.interactive = false;
        child.lineNumber = 1;
        child.dash = program.equals("sh");
        child.commandString = true;
        return child;
    }

    /** Runs every line of a script; returns the status of the last command. */
    public int runScript(String script, StringBuilder out, StringBuilder err) {
        return runScript(ScriptReader.of(script), out, err, () -> { });
    }

    /** Runs command lines until the input ends or the shell exits; {@code afterEach} may flush. */
    public int runScript(ScriptReader reader, StringBuilder out, StringBuilder err, Runnable afterEach) {
        ScriptReader.Chunk chunk;
        while (!exited && (chunk = reader.next()) != null) {
            lineNumber = chunk.lineNumber();
            runLine(chunk.text(), out, err);
            afterEach.run();
        }
        return status;
    }

    /** Runs one complete command line; returns the status of its last pipeline. */
    public int runLine(String line, StringBuilder out, StringBuilder err) {
        CommandList list;
        try {
            list = CommandList.parse(ShellWords.lex(line));
        } catch (ShellSyntaxException e) {
            String prefix = commandString && !dash ? errorPrefix().replace("bash: ", "bash: -c: ") : errorPrefix();
            err.append(prefix).append(dash ? DashMessages.syntaxError(e) : e.getMessage()).append('\n');
            if (!interactive && !dash) {
                if (e.echoesLine()) {
                    err.append(prefix).append('`').append(line).append("'\n");
                }
                exited = true;
            }
            status = 2;
            return status;
        }
        Streams streams = new Streams("", out, err);
        for (CommandList.Entry entry : list.entries()) {
            if (exited) {
                break;
            }
            if (entry.runsAfter(status)) {
                status = new Pipeline(this, entry.pipeline()).run(streams);
            }
        }
        return status;
    }

    /** Runs one simple command with the given standard input in the current namespace. */
    public int run(List<String> argv, String stdin, StringBuilder out, StringBuilder err) {
        return runIn(namespace(), argv, stdin, out, err);
    }

    /** Runs one simple command in namespace {@code ns} (null: root), as {@code ip netns exec} does. */
    public int runIn(String ns, List<String> argv, String stdin, StringBuilder out, StringBuilder err) {
        String name = argv.get(0);
        Command command = resolve(name);
        if (command == null) {
            String problem = dash ? "not found" : name.indexOf('/') >= 0 ? "No such file or directory" : "command not found";
            err.append(errorPrefix()).append(name).append(": ").append(problem).append('\n');
            return 127;
        }
        try {
            return command.run(new Invocation(host, ns, argv, stdin, out, err, this));
        } catch (RuntimeException e) {
            err.append(name).append(": internal error: ").append(e).append('\n');
            return 70;
        }
    }

    /** The command a name runs: a known command, also when typed with its path (/usr/bin/grep). */
    private Command resolve(String name) {
        int slash = name.lastIndexOf('/');
        if (slash < 0) {
            return host.command(name).orElse(null);
        }
        String dir = name.substring(0, slash + 1);
        return PATH.contains(dir) ? host.command(name.substring(slash + 1)).orElse(null) : null;
    }

    /** bash's prefix for its own messages: with the line number when running a script. */
    String errorPrefix() {
        if (dash) {
            return "sh: " + lineNumber + ": ";
        }
        return interactive || lineNumber == 0 ? "bash: " : "bash: line " + lineNumber + ": ";
    }

    String variable(String name) {
        return switch (name) {
            case "?" -> Integer.toString(status);
            case "0" -> "bash";
            case "$" -> "1";
            case "#" -> "0";
            default -> variables.get(name);
        };
    }

    void assign(String name, String value) {
        variables.put(name, value);
    }

    /**
     * The {@code exit} builtin (also Ctrl-D at a prompt, with no arguments): leaves a nested
     * shell, or ends the login shell. Returns the exit status; errors go to {@code err}.
     */
    public int exit(List<String> args, StringBuilder err) {
        int code = status;
        if (!args.isEmpty()) {
            String arg = args.get(0);
            if (!arg.matches("[+-]?[0-9]{1,18}")) {
                err.append(errorPrefix()).append("exit: ")
                        .append(dash ? "Illegal number: " + arg : arg + ": numeric argument required").append('\n');
                code = 2;
            } else if (args.size() > 1) {
                err.append(errorPrefix()).append("exit: too many arguments\n");
                return 1;
            } else {
                code = (int) (Long.parseLong(arg) & 0xff);
            }
        }
        if (interactive) {
            err.append("exit\n");
        }
        levels.remove(levels.size() - 1);
        if (levels.isEmpty()) {
            levels.add(null);
            exited = true;
        }
        return code;
    }
}
