package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.L3AgentMode;
import dev.packetwalk.cloud.model.Nic;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Pins;
import dev.packetwalk.cloud.model.Role;
import dev.packetwalk.cloud.model.Uuid5;
import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code nodes:}: each machine's roles, NICs, bridge mappings, L3 agent mode and pins. */
final class NodeReader {
    static final List<String> KEYS = List.of("name", "roles", "l3_agent_mode", "management", "tunnel",
            "bridge_mappings", "bridge_ports", "pins");
    static final List<String> NIC_KEYS = List.of("nic", "ip", "gateway", "mac");
    private static final Conversion<Role> ROLE = Conversion.choice("controller, network or compute", Role::parse);
    private static final Conversion<L3AgentMode> L3_MODE = Conversion.choice("legacy, dvr or dvr_snat",
            L3AgentMode::parse);
    /** Unpinned NICs get a MAC of QEMU's range, from the node's and the NIC's names. */
    private static final long NIC_MAC_BASE = 0x525400000000L;

    private final Build build;

    NodeReader(Build build) {
        this.build = build;
    }

    /** Adds the nodes; returns their local VLAN pins, which name networks that do not exist yet. */
    List<LocalVlanPins> read(List<Value> items) {
        List<LocalVlanPins> vlans = new ArrayList<>();
        for (Value item : items) {
            Fields f = Fields.named(item, "node", KEYS);
            String name = f.require("name", Conversion.TEXT);
            Set<Role> roles = roles(f);
            Nic management = nic(f, "management", name);
            Nic tunnel = nic(f, "tunnel", name);
            Map<String, String> bridgeMappings = f.map("bridge_mappings", Conversion.TEXT, Conversion.TEXT);
            Map<String, String> bridgePorts = f.map("bridge_ports", Conversion.TEXT, Conversion.TEXT);
            L3AgentMode l3Mode = f.get("l3_agent_mode", L3_MODE);
            Optional<Fields> pins = f.object("pins", PinsReader.KEYS);
            Pins pinned = pins.map(PinsReader::read).orElse(Pins.NONE);
            pins.flatMap(p -> LocalVlanPins.read(name, p)).ifPresent(vlans::add);
            build.nodes.define(f.required("name"), () -> f.mark().run(() -> build.neutron.addNode(
                    new Node(name, roles, management, tunnel, bridgeMappings, l3Mode, pinned, bridgePorts))).name());
        }
        return vlans;
    }

    private static Set<Role> roles(Fields f) {
        Value roles = f.required("roles");
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (Value role : roles.items()) {
            set.add(role.as(ROLE));
        }
        if (set.isEmpty()) {
            throw roles.error("roles must name at least one role (controller, network or compute)");
        }
        return set;
    }

    /** The management or tunnel NIC, or null when the node has none. */
    private static Nic nic(Fields node, String key, String nodeName) {
        return node.object(key, NIC_KEYS).map(f -> nic(f, nodeName)).orElse(null);
    }

    private static Nic nic(Fields f, String nodeName) {
        String name = f.require("nic", Conversion.TEXT);
        Cidr address = f.require("ip", Conversion.INTERFACE_ADDRESS);
        Integer gateway = f.get("gateway", Conversion.IPV4);
        if (gateway != null && !address.contains(gateway)) {
            throw f.required("gateway").error("gateway " + Ipv4.format(gateway) + " is outside " + address);
        }
        return new Nic(name, address, gateway, f.get("mac", Conversion.MAC, derivedMac(nodeName, name)));
    }

    private static long derivedMac(String node, String nic) {
        String hash = Uuid5.of(Uuid5.DNS, nic + "." + node);
        return NIC_MAC_BASE | Long.parseLong(hash.substring(0, 6), 16);
    }
}
