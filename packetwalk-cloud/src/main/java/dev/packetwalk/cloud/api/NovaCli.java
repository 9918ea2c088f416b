package dev.packetwalk.cloud.api;

import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code nova} command, as python-novaclient 7.1 (Ocata, Python 2) prints for an admin:
 * {@code list}, {@code show} and {@code interface-list}, through novaclient's own prettytable
 * helpers (print_list, print_dict: never fitted to the terminal). Failures print
 * {@code ERROR (CommandError): ...} with status 1; argparse's usage errors exit with 2.
 */
final class NovaCli implements Command {
    private static final Python PY = Python.PY2;
    private static final String[] POWER_STATES = {"NOSTATE", "Running", "", "Paused", "Shutdown", "", "Crashed", "Suspended"};
    /** novaclient 7.1's main usage line (its keystoneauth options abridged). */
    private static final String MAIN_USAGE = """
            usage: nova [--version] [--debug] [--os-cache] [--timings]
                        [--os-region-name <region-name>] [--service-type <service-type>]
                        [--service-name <service-name>]
                        [--os-endpoint-type <endpoint-type>]
                        [--os-compute-api-version <compute-api-ver>]
                        [--endpoint-override <bypass-url>] [--profile HMAC_KEY]
                        [--insecure] [--os-cacert <ca-certificate>]
                        [--os-cert <certificate>] [--os-key <key>] [--timeout <seconds>]
                        [--os-auth-type <name>] [--os-auth-url OS_AUTH_URL]
                        [--os-project-id OS_PROJECT_ID]
                        [--os-project-name OS_PROJECT_NAME]
                        [--os-project-domain-id OS_PROJECT_DOMAIN_ID]
                        [--os-project-domain-name OS_PROJECT_DOMAIN_NAME]
                        [--os-user-id OS_USER_ID] [--os-username OS_USERNAME]
                        [--os-user-domain-id OS_USER_DOMAIN_ID]
                        [--os-user-domain-name OS_USER_DOMAIN_NAME]
                        [--os-password OS_PASSWORD]
                        <subcommand> ...
            """;

    private final NovaApi api;

    NovaCli(NovaApi api) {
        this.api = api;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = inv.args();
        if (args.isEmpty()) {
            inv.print(MAIN_USAGE);
            return 0;
        }
        String name = args.get(0);
        if (name.equals("help") && args.size() > 1 && parser(args.get(1)) != null) {
            inv.print(parser(args.get(1)).usage());
            return 0;
        }
        Argparse parser = parser(name);
        if (parser == null) {
            inv.err().append(MAIN_USAGE).append("error: argument <subcommand>: invalid choice: ")
                    .append(PY.repr(name)).append('\n');
            inv.errln("Try 'nova help ' for more information.");
            return 2;
        }
        Argparse.Parsed parsed;
        try {
            parsed = parser.parse(args.subList(1, args.size()));
            if (!parsed.extras().isEmpty()) {
                inv.err().append(MAIN_USAGE).append("error: unrecognized arguments: ")
                        .append(String.join(" ", parsed.extras())).append('\n');
                inv.errln("Try 'nova help ' for more information.");
                return 2;
            }
        } catch (Argparse.UsageError e) {
            inv.err().append(parser.usage()).append("error: ").append(e.getMessage()).append('\n');
            inv.errln("Try 'nova help " + name + "' for more information.");
            return 2;
        }
        try {
            inv.print(switch (name) {
                case "list" -> list(parsed);
                case "show" -> show(api.find(parsed.positional(0)), Argparse.intValue(parsed.get("--wrap", "0")));
                default -> interfaces(api.find(parsed.positional(0)));
            });
            return 0;
        } catch (ClientError e) {
            inv.errln("ERROR (" + e.kind() + "): " + e.getMessage());
            return 1;
        }
    }

    private static Argparse parser(String name) {
        return switch (name) {
            case "list" -> new Argparse("nova list", PY).value("<reservation-id>", "--reservation-id")
                    .value("<ip-regexp>", "--ip").value("<ip6-regexp>", "--ip6").value("<name-regexp>", "--name")
                    .value("<status>", "--status").value("<flavor>", "--flavor").value("<image>", "--image")
                    .value("<hostname>", "--host").optional("<0|1>", "--all-tenants").optional("<tenant>", "--tenant")
                    .flag("--minimal").value("<fields>", "--fields");
            case "show" -> new Argparse("nova show", PY).flag("--minimal").integer("<integer>", "--wrap")
                    .positional("<server>");
            case "interface-list" -> new Argparse("nova interface-list", PY).positional("<server>");
            default -> null;
        };
    }

    /** {@code nova list}: one row per server, sorted by name; all projects' with {@code --all-tenants}. */
    private String list(Argparse.Parsed args) {
        boolean allTenants = args.has("--all-tenants") && !args.get("--all-tenants", "1").equals("0")
                || args.has("--tenant");
        String project = args.has("--tenant") ? args.get("--tenant", null) : allTenants ? null : api.projectId();
        List<String> fields = new ArrayList<>(List.of("ID", "Name", "Status", "Task State", "Power State", "Networks"));
        if (allTenants) {
            fields.add(2, "Tenant ID");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Server s : api.servers(project)) {
            if (args.has("--host") && !args.get("--host", "").equals(s.host())
                    || args.has("--name") && !s.name().contains(args.get("--name", ""))) {
                continue;
            }
            Map<String, Object> m = api.server(s);
            List<String> row = new ArrayList<>(List.of(s.id(), s.name(), (String) m.get("status"), "-",
                    POWER_STATES[(Integer) m.get("OS-EXT-STS:power_state")], networks(s)));
            if (allTenants) {
                row.add(2, s.projectId());
            }
            rows.add(row);
        }
        return PrettyTable.of(fields, rows, true).sortedBy("Name").render() + "\n";
    }

    /** novaclient's format_servers_list_networks: {@code net1=10.0.0.3, 172.24.4.3; net2=...}. */
    private String networks(Server s) {
        Map<String, List<String>> addresses = api.addresses(s);
        List<String> groups = new ArrayList<>();
        for (String net : PY.keys(addresses)) {
            if (!addresses.get(net).isEmpty()) {
                groups.add(net + "=" + String.join(", ", addresses.get(net)));
            }
        }
        return String.join("; ", groups);
    }

    /** {@code nova show}: _print_server's fields through print_dict, sorted by name, each wrapped at {@code wrap} if positive. */
    private String show(Server s, int wrap) {
        Map<String, Object> info = new TreeMap<>(api.server(s));
        Map<String, List<String>> addresses = api.addresses(s);
        addresses.forEach((net, ips) -> info.put(net + " network", String.join(", ", ips)));
        info.put("flavor", s.flavor() + " (" + NovaApi.flavorId(s.flavor()) + ")");
        info.put("image", s.image() + " (" + NovaApi.imageId(s.image()) + ")");
        info.put("security_groups", String.join(", ", new TreeSet<>(api.securityGroups(s))));
        info.remove("addresses");
        List<List<String>> rows = new ArrayList<>();
        info.forEach((k, v) -> {
            String text = v instanceof Map<?, ?> || v instanceof List<?> ? PY.json(v) : PY.str(v);
            if (wrap > 0) {
                text = TextWrap.fill(text, wrap, PY);
            }
            rows.add(List.of(k, v == null && wrap <= 0 ? "-" : text));
        });
        return PrettyTable.of(List.of("Property", "Value"), rows, true).render() + "\n";
    }

    /** {@code nova interface-list}: the server's ports, addresses joined by commas. */
    private String interfaces(Server s) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> i : api.interfaces(s)) {
            List<String> ips = ((List<?>) i.get("fixed_ips")).stream().map(f -> (String) ((Map<?, ?>) f).get("ip_address"))
                    .toList();
            rows.add(List.of((String) i.get("port_state"), (String) i.get("port_id"), (String) i.get("net_id"),
                    String.join(",", ips), (String) i.get("mac_addr")));
        }
        return PrettyTable.of(List.of("Port State", "Port ID", "Net ID", "IP addresses", "MAC Addr"), rows, true).render()
                + "\n";
    }
}
