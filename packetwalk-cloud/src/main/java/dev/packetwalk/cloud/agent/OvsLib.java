package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.Pins;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.db.BridgeRow;
import dev.packetwalk.ovs.db.Datum;
import dev.packetwalk.ovs.db.InterfaceRow;
import dev.packetwalk.ovs.db.PortRow;
import dev.packetwalk.ovs.db.Row;
import dev.packetwalk.ovs.db.SwitchConfig;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.FlowMods;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the agents do to one node's Open vSwitch, as Neutron's {@code ovs_lib} does it, through
 * the switch's typed APIs: bridges set up as the native OpenFlow driver leaves them, ports with
 * their interface type, options and external_ids (OpenFlow port numbers as the lab pins them),
 * VLAN tags, and flows in bulk.
 */
public final class OvsLib {
    public static final String BR_INT = "br-int";
    public static final String BR_TUN = "br-tun";
    static final String CONTROLLER = "tcp:127.0.0.1:6633";
    static final String MANAGER = "ptcp:6640:127.0.0.1";

    private final Vswitch vswitch;
    private final Pins pins;

    public OvsLib(Vswitch vswitch, Pins pins) {
        this.vswitch = vswitch;
        this.pins = pins;
    }

    public Vswitch vswitch() {
        return vswitch;
    }

    /**
     * The manager the agent's ovsdb connection listens on (set once at agent start), with the
     * agent connected to it.
     */
    public void manager() {
        vswitch.db().transact(true, () -> {
            new SwitchConfig(vswitch.db()).setManagers(List.of(MANAGER));
            for (Row m : vswitch.db().referenced(vswitch.db().root(), "manager_options")) {
                m.set("is_connected", Datum.of(true));
            }
        });
    }

    /**
     * A bridge as the agent creates it: fail_mode secure, OpenFlow 1.0 and 1.3, its controller
     * in out-of-band mode (the native driver's setup_controllers) with the agent's OpenFlow
     * application connected to it.
     */
    public void addBridge(String name) {
        vswitch.db().transact(true, () -> {
            SwitchConfig config = new SwitchConfig(vswitch.db());
            config.addBridge(name, true);
            config.setFailMode(name, "secure");
            BridgeRow bridge = vswitch.db().bridge(name).orElseThrow();
            bridge.row().set("protocols", Datum.ofSet(List.of("OpenFlow10", "OpenFlow13")));
            config.setControllers(name, List.of(CONTROLLER));
            for (Row c : bridge.controllers()) {
                c.set("connection_mode", Datum.of("out-of-band"));
                c.set("is_connected", Datum.of(true));
            }
        });
    }

    public void addSystemPort(String bridge, String name, Map<String, String> externalIds) {
        addPort(bridge, name, "", Map.of(), externalIds);
    }

    public void addInternalPort(String bridge, String name, Map<String, String> externalIds) {
        addPort(bridge, name, "internal", Map.of(), externalIds);
    }

    public void addPatchPort(String bridge, String name, String peer) {
        addPort(bridge, name, "patch", Map.of("peer", peer), Map.of());
    }

    public void addTunnelPort(String bridge, String name, String type, Map<String, String> options) {
        addPort(bridge, name, type, options, Map.of());
    }

    private void addPort(String bridge, String name, String type, Map<String, String> options,
            Map<String, String> externalIds) {
        vswitch.db().transact(true, () -> {
            Row port = new SwitchConfig(vswitch.db()).addPort(bridge, name, List.of(name), false);
            Row iface = vswitch.db().findInterface(name).orElseThrow().row();
            if (!type.isEmpty()) {
                iface.set("type", Datum.of(type));
            }
            if (!options.isEmpty()) {
                iface.set("options", Datum.ofMap(new TreeMap<>(options)));
            }
            if (!externalIds.isEmpty()) {
                iface.set("external_ids", Datum.ofMap(new TreeMap<>(externalIds)));
            }
            Integer ofport = pins.ofports().get(name);
            if (ofport != null) {
                iface.set("ofport_request", Datum.of((long) ofport));
            }
        });
    }

    /** Points a patch interface at its peer ({@code set Interface NAME options:peer=PEER}). */
    public void setPatchPeer(String iface, String peer) {
        vswitch.db().transact(true, () -> vswitch.db().findInterface(iface).orElseThrow().row()
                .set("options", Datum.ofMap(new TreeMap<>(Map.of("peer", peer)))));
    }

    /** A port's other_config. */
    public Map<String, String> portOtherConfig(String port) {
        return vswitch.db().port(port).orElseThrow().otherConfig();
    }

    /** Adds or replaces keys of a port's other_config ({@code set Port NAME other_config=...}). */
    public void updatePortOtherConfig(String port, Map<String, String> entries) {
        vswitch.db().transact(true, () -> {
            PortRow row = vswitch.db().port(port).orElseThrow();
            TreeMap<String, String> merged = new TreeMap<>(row.otherConfig());
            merged.putAll(entries);
            row.row().set("other_config", Datum.ofMap(merged));
        });
    }

    /**
     * A VIF port of a bridge as ovs_lib's get_vif_ports sees it: an interface with an OpenFlow
     * port and {@code external_ids:iface-id} naming its Neutron port, its MAC from
     * {@code attached-mac}.
     */
    public record VifPort(String name, int ofport, String ifaceId, long mac) {
    }

    /** The bridge's VIF ports, by OpenFlow port number. */
    public List<VifPort> vifPorts(String bridge) {
        List<VifPort> out = new ArrayList<>();
        for (PortRow port : vswitch.db().bridge(bridge).orElseThrow().ports()) {
            for (InterfaceRow iface : port.interfaces()) {
                Map<String, String> ids = iface.externalIds();
                String id = ids.get("iface-id");
                String mac = ids.get("attached-mac");
                if (id != null && mac != null && iface.ofport() > 0) {
                    out.add(new VifPort(iface.name(), iface.ofport(), id, MacAddress.parseBits(mac)));
                }
            }
        }
        out.sort(Comparator.comparingInt(VifPort::ofport));
        return out;
    }

    /** Sets a port's VLAN tag (the agent's local VLAN for its network). */
    public void tag(String port, int vlan) {
        vswitch.db().transact(true, () -> vswitch.db().port(port).orElseThrow().row().set("tag", Datum.of((long) vlan)));
    }

    /** The OpenFlow port number ovs-vswitchd gave an interface. */
    public int ofport(String name) {
        Long n = vswitch.db().findInterface(name).orElseThrow().row().integer("ofport");
        if (n == null || n <= 0) {
            throw new IllegalStateException("interface " + name + " has no OpenFlow port");
        }
        return n.intValue();
    }

    public Bridge bridge(String name) {
        return vswitch.bridge(name).orElseThrow();
    }

    /** Installs flows in order, as the agent sends its flow mods one after the other. */
    public void addFlows(String bridge, List<FlowMod> flows) {
        FlowMods.addAll(bridge(bridge), flows);
    }
}
