package dev.packetwalk.cloud.api;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.util.List;
import java.util.Map;

/**
 * The {@code neutron} command, as python-neutronclient 6.1 (Ocata) prints for an admin: the
 * sub-commands of {@link NeutronCommands} read from the cloud's API, errors on stderr with
 * status 1 ({@code Unable to find network with name or id 'x'}), argparse's usage errors with
 * status 2. Like the seeds, it prints no deprecation notice.
 */
final class NeutronCli implements Command {
    private static final Map<String, NeutronSubcommand> COMMANDS = NeutronCommands.all();

    private final NeutronApi api;
    private final Terminal terminal;

    NeutronCli(NeutronApi api, Terminal terminal) {
        this.api = api;
        this.terminal = terminal;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = inv.args();
        if (args.isEmpty()) {
            return 0;
        }
        if (List.of("help", "-h", "--help").contains(args.get(0))) {
            return help(inv, args.size() > 1 ? args.get(1) : null);
        }
        NeutronSubcommand command = COMMANDS.get(args.get(0));
        if (command == null) {
            inv.errln("Unknown command " + NeutronSubcommand.CLIFF.python().repr(args).replace("u'", "'"));
            return 1;
        }
        Argparse parser = command.parser();
        Argparse.Parsed parsed;
        try {
            parsed = parser.parse(args.subList(1, args.size()));
        } catch (Argparse.UsageError e) {
            inv.err().append(parser.usage()).append(parser.prog()).append(": error: ").append(e.getMessage()).append('\n');
            inv.errln("Try 'neutron help " + command.name() + "' for more information.");
            return 2;
        }
        if (parsed.has("--help")) {
            inv.print(parser.usage());
            return 0;
        }
        try {
            inv.print(command.print(api, parsed, new CliffOutput(NeutronSubcommand.CLIFF, parsed, terminal.columns(inv))));
            return 0;
        } catch (ClientError e) {
            inv.errln(e.getMessage());
            return 1;
        }
    }

    /** {@code neutron help [COMMAND]}: the command's usage, or the commands known here. */
    private static int help(Invocation inv, String name) {
        if (name == null) {
            inv.println("Commands for API v2.0:");
            COMMANDS.keySet().forEach(c -> inv.println("  " + c));
            return 0;
        }
        NeutronSubcommand command = COMMANDS.get(name);
        if (command == null) {
            inv.errln("Unknown command ['" + name + "']");
            return 1;
        }
        inv.print(command.parser().usage());
        return 0;
    }
}
