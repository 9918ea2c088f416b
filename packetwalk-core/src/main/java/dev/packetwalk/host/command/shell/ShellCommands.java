package dev.packetwalk.host.command.shell;

import dev.packetwalk.host.Command;

import java.util.Map;

/** The shell's builtins and small system commands, by name. */
public final class ShellCommands {
    private ShellCommands() {
    }

    public static Map<String, Command> all() {
        Command bash = new Bash();
        return Map.of(
                "echo", new Echo(),
                "true", inv -> 0,
                "false", inv -> 1,
                "hostname", new Hostname(),
                "sleep", new Sleep(),
                "clear", inv -> {
                    inv.print("\033[H\033[2J\033[3J");
                    return 0;
                },
                "watch", new Watch(),
                "bash", bash,
                "sh", bash);
    }
}
