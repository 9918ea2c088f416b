package dev.packetwalk.cloud.api;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.host.Command;
import dev.packetwalk.host.Host;
import dev.packetwalk.host.Shell;
import dev.packetwalk.host.command.text.TextCommands;
import dev.packetwalk.net.Clock;

import java.util.HashMap;
import java.util.Map;

/** A node of a cloud with the API commands and the text utilities installed, running command lines. */
final class ApiRun {
    /** What one command line printed and returned. */
    record Result(String out, String err, int status) {
    }

    private final Host host;

    ApiRun(Cloud cloud, String node, Terminal terminal) {
        Map<String, Command> commands = new HashMap<>(TextCommands.all());
        commands.putAll(ApiCommands.all(cloud, terminal));
        this.host = new Host(node, new Clock(), commands);
    }

    ApiRun(Cloud cloud, String node) {
        this(cloud, node, Terminal.NONE);
    }

    Result run(String line) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = new Shell(host).runLine(line, out, err);
        return new Result(out.toString(), err.toString(), status);
    }
}
