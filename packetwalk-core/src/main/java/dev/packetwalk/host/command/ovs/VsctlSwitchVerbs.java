package dev.packetwalk.host.command.ovs;

import dev.packetwalk.ovs.db.OvsDbException;
import dev.packetwalk.ovs.db.Row;
import dev.packetwalk.ovs.db.VsctlShow;

import java.util.List;

/** ovs-vsctl's bridge, port, fail-mode, controller and manager commands. */
final class VsctlSwitchVerbs {
    private VsctlSwitchVerbs() {
    }

    static List<VsctlVerb> all() {
        return List.of(
                VsctlVerb.of("init", 0, 0, "", (c, a) -> { }),
                VsctlVerb.of("show", 0, 0, "", (c, a) -> c.out().append(VsctlShow.print(c.db()))),
                VsctlVerb.of("add-br", 1, 3, "--may-exist", VsctlSwitchVerbs::addBridge),
                VsctlVerb.of("del-br", 1, 1, "--if-exists", (c, a) -> c.config().deleteBridge(a.get(0), c.has("--if-exists"))),
                VsctlVerb.of("list-br", 0, 0, "--real --fake", (c, a) -> c.config().bridgeNames().forEach(c::println)),
                VsctlVerb.of("br-exists", 1, 1, "", VsctlSwitchVerbs::bridgeExists),
                VsctlVerb.of("br-to-vlan", 1, 1, "", (c, a) -> {
                    c.config().bridge(a.get(0));
                    c.println("0");
                }),
                VsctlVerb.of("br-to-parent", 1, 1, "", (c, a) -> c.println(c.config().bridge(a.get(0)).name())),
                VsctlVerb.of("add-port", 2, Integer.MAX_VALUE, "--may-exist", VsctlSwitchVerbs::addPort),
                VsctlVerb.of("del-port", 1, 2, "--if-exists --with-iface", VsctlSwitchVerbs::deletePort),
                VsctlVerb.of("list-ports", 1, 1, "", (c, a) -> c.config().portNames(a.get(0)).forEach(c::println)),
                VsctlVerb.of("list-ifaces", 1, 1, "", (c, a) -> c.config().interfaceNames(a.get(0)).forEach(c::println)),
                VsctlVerb.of("port-to-br", 1, 1, "", (c, a) -> c.println(c.config().bridgeOfPort(a.get(0)))),
                VsctlVerb.of("iface-to-br", 1, 1, "", (c, a) -> c.println(c.config().bridgeOfInterface(a.get(0)))),
                VsctlVerb.of("set-fail-mode", 2, 2, "", (c, a) -> c.config().setFailMode(a.get(0), a.get(1))),
                VsctlVerb.of("get-fail-mode", 1, 1, "", (c, a) -> {
                    String mode = c.config().bridge(a.get(0)).failMode();
                    if (mode != null) {
                        c.println(mode);
                    }
                }),
                VsctlVerb.of("del-fail-mode", 1, 1, "", (c, a) -> c.config().clearFailMode(a.get(0))),
                VsctlVerb.of("set-controller", 1, Integer.MAX_VALUE, "",
                        (c, a) -> c.config().setControllers(a.get(0), a.subList(1, a.size()))),
                VsctlVerb.of("get-controller", 1, 1, "", (c, a) -> c.config().controllerTargets(a.get(0)).forEach(c::println)),
                VsctlVerb.of("del-controller", 1, 1, "", (c, a) -> c.config().setControllers(a.get(0), List.of())),
                VsctlVerb.of("set-manager", 0, Integer.MAX_VALUE, "", (c, a) -> c.config().setManagers(a)),
                VsctlVerb.of("get-manager", 0, 0, "", (c, a) -> c.config().managerTargets().forEach(c::println)),
                VsctlVerb.of("del-manager", 0, 0, "", (c, a) -> c.config().setManagers(List.of())));
    }

    private static void addBridge(VsctlContext c, List<String> a) {
        if (a.size() == 2) {
            throw new OvsDbException("'add-br' command takes exactly 1 or 3 arguments");
        }
        if (a.size() == 3) {
            throw new OvsDbException("fake bridges (add-br BRIDGE PARENT VLAN) are not emulated by Packetwalk");
        }
        c.config().addBridge(a.get(0), c.has("--may-exist"));
    }

    private static void bridgeExists(VsctlContext c, List<String> a) {
        if (c.db().bridge(a.get(0)).isEmpty()) {
            throw new OvsDbException("", 2);
        }
    }

    private static void addPort(VsctlContext c, List<String> a) {
        Row port = c.config().addPort(a.get(0), a.get(1), List.of(a.get(1)), c.has("--may-exist"));
        if (port != null) {
            for (String setting : a.subList(2, a.size())) {
                c.editor().set(port, setting);
            }
        }
    }

    private static void deletePort(VsctlContext c, List<String> a) {
        String bridge = a.size() == 2 ? a.get(0) : null;
        c.config().deletePort(bridge, a.get(a.size() - 1), c.has("--if-exists"), c.has("--with-iface"));
    }
}
