package dev.packetwalk.cloud.api;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.net.MacAddress;

import java.util.List;
import java.util.Optional;

/**
 * {@code virsh} (libvirt 3.x) on a compute node: {@code list [--all]}, {@code dumpxml DOMAIN}
 * and {@code domiflist DOMAIN} for the Nova instances the node runs (domain ids counted from 1
 * in the order the servers were created), a domain named by name, id or UUID. Like virsh, each
 * command that ran prints an empty line after its output; errors go to stderr as
 * {@code error: ...} with status 1.
 */
final class Virsh implements Command {
    private final NovaApi nova;

    Virsh(NovaApi nova) {
        this.nova = nova;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = inv.args().stream().filter(a -> !a.equals("-q") && !a.equals("--quiet")).toList();
        boolean quiet = args.size() != inv.args().size();
        if (args.isEmpty()) {
            inv.errln("error: interactive virsh is not emulated; give a command (list, dumpxml, domiflist)");
            return 1;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        List<Server> domains = nova.servers(null).stream().filter(s -> s.host().equals(inv.host().name())).toList();
        boolean ok = switch (command) {
            case "list" -> list(inv, domains, rest, quiet);
            case "dumpxml", "domiflist" -> {
                if (rest.stream().noneMatch(a -> !a.startsWith("-"))) {
                    inv.errln("error: command '" + command + "' requires <domain> option");
                    yield false;
                }
                String name = rest.stream().filter(a -> !a.startsWith("-")).findFirst().orElseThrow();
                Optional<Server> domain = find(domains, name);
                if (domain.isEmpty()) {
                    inv.errln("error: failed to get domain '" + name + "'");
                    inv.errln("error: Domain not found: no domain with matching name '" + name + "'");
                } else if (command.equals("dumpxml")) {
                    Server s = domain.get();
                    inv.print(DomainXml.of(s, domains.indexOf(s) + 1, nova.ports(s)));
                } else {
                    domiflist(inv, nova.ports(domain.get()), quiet);
                }
                if (!quiet) {
                    inv.print("\n");
                }
                yield domain.isPresent();
            }
            default -> {
                inv.errln("error: unknown command: '" + command + "'");
                yield false;
            }
        };
        return ok ? 0 : 1;
    }

    private boolean list(Invocation inv, List<Server> domains, List<String> options, boolean quiet) {
        for (String o : options) {
            if (!o.equals("--all") && !o.equals("--inactive")) {
                inv.errln("error: command 'list' doesn't support option " + o);
                return false;
            }
        }
        if (!quiet) {
            inv.print(String.format(" %-5s %-30s %s\n%s\n", "Id", "Name", "State", "-".repeat(52)));
        }
        if (!options.contains("--inactive")) {
            for (int i = 0; i < domains.size(); i++) {
                inv.print(String.format(" %-5s %-30s %s\n", i + 1, domains.get(i).instanceName(), "running"));
            }
        }
        if (!quiet) {
            inv.print("\n");
        }
        return true;
    }

    private static void domiflist(Invocation inv, List<Port> ports, boolean quiet) {
        if (!quiet) {
            inv.print(String.format("%-10s %-10s %-10s %-11s %s\n", "Interface", "Type", "Source", "Model", "MAC"));
            inv.print("-".repeat(55) + "\n");
        }
        for (Port p : ports) {
            inv.print(String.format("%-10s %-10s %-10s %-11s %-10s\n", DeviceNames.tap(p.id()), "bridge", DeviceNames.qbr(p.id()),
                    "virtio", MacAddress.format(p.mac())));
        }
    }

    /** virsh's lookup: by id, then UUID, then name. */
    private static Optional<Server> find(List<Server> domains, String name) {
        if (name.matches("\\d+")) {
            int id = Integer.parseInt(name);
            if (id >= 1 && id <= domains.size()) {
                return Optional.of(domains.get(id - 1));
            }
        }
        return domains.stream().filter(s -> s.id().equals(name) || s.instanceName().equals(name)).findFirst();
    }
}
