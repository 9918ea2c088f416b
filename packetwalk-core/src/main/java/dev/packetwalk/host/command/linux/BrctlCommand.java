package dev.packetwalk.host.command.linux;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;

import java.util.List;

/** {@code brctl addbr|delbr|addif|delif|show} as bridge-utils 1.7 prints them. */
public final class BrctlCommand implements Command {
    private static final String USAGE = """
            Usage: brctl [commands]
            commands:
            \taddbr     \t<bridge>\t\tadd bridge
            \tdelbr     \t<bridge>\t\tdelete bridge
            \taddif     \t<bridge> <device>\tadd interface to bridge
            \tdelif     \t<bridge> <device>\tdelete interface from bridge
            \thairpin   \t<bridge> <port> {on|off}\tturn hairpin on/off
            \tsetageing \t<bridge> <time>\t\tset ageing time
            \tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority
            \tsetfd     \t<bridge> <time>\t\tset bridge forward delay
            \tsethello  \t<bridge> <time>\t\tset hello time
            \tsetmaxage \t<bridge> <time>\t\tset max message age
            \tsetpathcost\t<bridge> <port> <cost>\tset path cost
            \tsetportprio\t<bridge> <port> <prio>\tset port priority
            \tshow      \t[ <bridge> ]\t\tshow a list of bridges
            \tshowmacs  \t<bridge>\t\tshow a list of mac addrs
            \tshowstp   \t<bridge>\t\tshow bridge stp info
            \tstp       \t<bridge> {on|off}\tturn stp on/off
            """;

    @Override
    public int run(Invocation inv) {
        List<String> a = inv.args();
        if (a.isEmpty()) {
            inv.print(USAGE);
            return 1;
        }
        Namespace ns = inv.host().kernel().namespace(inv.namespace()).orElseThrow();
        String cmd = a.get(0);
        int need = switch (cmd) {
            case "addbr", "delbr" -> 2;
            case "addif", "delif" -> 3;
            case "show" -> 1;
            default -> -1;
        };
        if (need < 0) {
            inv.errln("never heard of command [" + cmd + "]");
            inv.print(USAGE);
            return 1;
        }
        if (a.size() < need) {
            inv.print("Incorrect number of arguments for command\n");
            inv.print(USAGE);
            return 1;
        }
        return switch (cmd) {
            case "addbr" -> addbr(inv, ns, a.get(1));
            case "delbr" -> delbr(inv, ns, a.get(1));
            case "addif" -> addif(inv, ns, a.get(1), a.get(2));
            case "delif" -> delif(inv, ns, a.get(1), a.get(2));
            default -> show(inv, ns, a.size() > 1 ? a.subList(1, a.size()) : List.of());
        };
    }

    private static NetDevice bridge(Namespace ns, String name) {
        NetDevice d = ns.links().byName(name);
        return d != null && d.kind() == LinkKind.BRIDGE ? d : null;
    }

    private static int addbr(Invocation inv, Namespace ns, String name) {
        if (ns.links().byName(name) != null) {
            inv.errln("device " + name + " already exists; can't create bridge with the same name");
            return 1;
        }
        ns.devices().create(LinkKind.BRIDGE, name, null, 0);
        return 0;
    }

    private static int delbr(Invocation inv, Namespace ns, String name) {
        NetDevice br = bridge(ns, name);
        if (br == null) {
            inv.errln("bridge " + name + " doesn't exist; can't delete it");
            return 1;
        }
        if (br.isUp()) {
            inv.errln("bridge " + name + " is still up; can't delete it");
            return 1;
        }
        ns.devices().delete(br);
        return 0;
    }

    private static int addif(Invocation inv, Namespace ns, String brName, String ifName) {
        NetDevice br = bridge(ns, brName);
        if (br == null) {
            inv.errln("bridge " + brName + " does not exist!");
            return 1;
        }
        NetDevice dev = ns.links().byName(ifName);
        if (dev == null) {
            inv.errln("interface " + ifName + " does not exist!");
            return 1;
        }
        if (dev.master() != null) {
            inv.errln("device " + ifName + " is already a member of a bridge; can't add it to"
                    + " bridge " + brName + ".");
            return 1;
        }
        ns.devices().setMaster(dev, br);
        return 0;
    }

    private static int delif(Invocation inv, Namespace ns, String brName, String ifName) {
        NetDevice br = bridge(ns, brName);
        if (br == null) {
            inv.errln("bridge " + brName + " does not exist!");
            return 1;
        }
        NetDevice dev = ns.links().byName(ifName);
        if (dev == null) {
            inv.errln("interface " + ifName + " does not exist!");
            return 1;
        }
        if (dev.master() != br) {
            inv.errln("device " + ifName + " is not a slave of " + brName);
            return 1;
        }
        ns.devices().clearMaster(dev);
        return 0;
    }

    private static int show(Invocation inv, Namespace ns, List<String> names) {
        StringBuilder sb = new StringBuilder();
        int status = 0;
        List<NetDevice> bridges = ns.links().all().stream()
                .filter(d -> d.kind() == LinkKind.BRIDGE).toList();
        if (!names.isEmpty()) {
            bridges = new java.util.ArrayList<>();
            for (String n : names) {
                NetDevice br = bridge(ns, n);
                if (br == null) {
                    inv.errln("bridge " + n + " does not exist!");
                    status = 1;
                } else {
                    bridges.add(br);
                }
            }
        }
        for (NetDevice br : bridges) {
            if (sb.length() == 0) {
                sb.append("bridge name\tbridge id\t\tSTP enabled\tinterfaces\n");
            }
            sb.append(br.name()).append("\t\t8000.")
              .append(String.format("%012x", br.bridgeIdMac())).append("\tno\t\t");
            List<NetDevice> ports = br.ports();
            for (int i = 0; i < ports.size(); i++) {
                if (i > 0) {
                    sb.append("\t\t\t\t\t\t\t");
                }
                sb.append(ports.get(i).name()).append('\n');
            }
            if (ports.isEmpty()) {
                sb.append('\n');
            }
        }
        inv.print(sb.toString());
        return status;
    }
}
