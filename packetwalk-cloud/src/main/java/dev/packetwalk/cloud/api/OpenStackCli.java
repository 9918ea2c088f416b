package dev.packetwalk.cloud.api;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code openstack} command, as python-openstackclient 6 (Zed, cliff 4, Python 3) prints:
 * {@code server}, {@code network}, {@code subnet}, {@code port}, {@code router},
 * {@code floating ip} and {@code security group}, each {@code list} and {@code show}, through
 * cliff's formatters ({@code -f table|value|json|csv|yaml|shell}, {@code -c}, {@code --long},
 * {@code --sort-column}). Today's cliff fits tables to the terminal only with
 * {@code --fit-width} or {@code --max-width}.
 */
final class OpenStackCli implements Command {
    private static final List<OscCommand> COMMANDS = List.of(
            OscCommand.list("server list", false, OscServerViews::serverList),
            OscCommand.show("server show", "<server>", OscServerViews::serverShow),
            OscCommand.list("network list", true, OscNetworkViews::networkList),
            OscCommand.show("network show", "<network>", OscNetworkViews::networkShow),
            OscCommand.list("subnet list", true, OscNetworkViews::subnetList),
            OscCommand.show("subnet show", "<subnet>", OscNetworkViews::subnetShow),
            OscCommand.list("port list", true, OscPortViews::portList),
            OscCommand.show("port show", "<port>", OscPortViews::portShow),
            OscCommand.list("router list", true, OscPortViews::routerList),
            OscCommand.show("router show", "<router>", OscPortViews::routerShow),
            OscCommand.list("floating ip list", false, OscAddressViews::floatingIpList),
            OscCommand.show("floating ip show", "<floating-ip>", OscAddressViews::floatingIpShow),
            OscCommand.list("security group list", false, OscAddressViews::securityGroupList),
            OscCommand.show("security group show", "<group>", OscAddressViews::securityGroupShow));

    private final OscCloud cloud;
    private final Terminal terminal;

    OpenStackCli(OscCloud cloud, Terminal terminal) {
        this.cloud = cloud;
        this.terminal = terminal;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = inv.args();
        if (args.isEmpty()) {
            return 0;
        }
        OscCommand command = find(args);
        if (command == null) {
            inv.print("openstack: '" + String.join(" ", args) + "' is not an openstack command. See 'openstack --help'.\n");
            inv.print("Did you mean one of these?\n");
            suggestions(args.get(0)).forEach(s -> inv.print("  " + s + "\n"));
            return 2;
        }
        Argparse parser = command.parser();
        List<String> rest = args.subList(command.name().split(" ").length, args.size());
        Argparse.Parsed parsed;
        try {
            parsed = parser.parse(rest);
            if (!parsed.extras().isEmpty()) {
                throw new Argparse.UsageError("unrecognized arguments: " + String.join(" ", parsed.extras()));
            }
        } catch (Argparse.UsageError e) {
            inv.err().append(parser.usage()).append(parser.prog()).append(": error: ").append(e.getMessage()).append('\n');
            return 2;
        }
        if (parsed.has("--help")) {
            inv.print(parser.usage());
            return 0;
        }
        CliffOutput out = new CliffOutput(CliffRelease.ZED, parsed, terminal.columns(inv));
        try {
            OscTable table = command.source().fetch(cloud, command.isShow() ? parsed.positional(0) : null,
                    parsed.has("--long"));
            inv.print(command.isShow() ? out.show(table.names(), table.values())
                    : out.list(table.names(), sorted(table, parsed)));
            return 0;
        } catch (ClientError e) {
            inv.errln(e.getMessage());
            return 1;
        }
    }

    /** cliff's find_command: the longest run of leading words (before any option) that names a command. */
    private static OscCommand find(List<String> args) {
        int words = 0;
        while (words < args.size() && !args.get(words).startsWith("-")) {
            words++;
        }
        for (int i = words; i > 0; i--) {
            String name = String.join(" ", args.subList(0, i));
            for (OscCommand c : COMMANDS) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** cliff's fuzzy matches among the commands known here: those starting with the word, else the nearest. */
    private static List<String> suggestions(String word) {
        List<String> names = COMMANDS.stream().map(OscCommand::name).sorted().toList();
        List<String> prefixed = names.stream().filter(n -> n.startsWith(word)).toList();
        if (!prefixed.isEmpty()) {
            return prefixed;
        }
        int best = names.stream().mapToInt(n -> distance(word, n.split(" ")[0])).min().orElse(0);
        return names.stream().filter(n -> distance(word, n.split(" ")[0]) == best).toList();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    /** cliff's Lister sorting: {@code --sort-column} (repeatable), ascending unless {@code --sort-descending}. */
    private static List<List<Cell>> sorted(OscTable table, Argparse.Parsed args) {
        List<List<Cell>> rows = new ArrayList<>(table.rows());
        List<String> keys = args.all("--sort-column");
        boolean descending = args.has("--sort-descending");
        for (int k = keys.size() - 1; k >= 0; k--) {
            int index = table.names().indexOf(keys.get(k));
            if (index < 0) {
                continue;
            }
            Comparator<List<Cell>> order = Comparator.comparing(r -> Python.PY3.str(r.get(index).value()));
            rows.sort(descending ? order.reversed() : order);
        }
        return rows;
    }
}
