package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.Pins;
import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.db.Datum;
import dev.packetwalk.ovs.db.Row;
import dev.packetwalk.ovs.db.SwitchConfig;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.FlowMods;

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

    /** The manager the agent's ovsdb connection listens on (set once at agent start). */
    public void manager() {
        vswitch.db().transact(true, () -> new SwitchConfig(vswitch.db()).setManagers(List.of(MANAGER)));
    }

    /** A bridge as the agent creates it: fail_mode secure, OpenFlow 1.0 and 1.3, its controller. */
    public void addBridge(String name) {
        vswitch.db().transact(true, () -> {
            SwitchConfig config = new SwitchConfig(vswitch.db());
            config.addBridge(name, true);
            config.setFailMode(name, "secure");
            Row bridge = vswitch.db().bridge(name).orElseThrow().row();
            bridge.set("protocols", Datum.ofSet(List.of("OpenFlow10", "OpenFlow13")));
            config.setControllers(name, List.of(CONTROLLER));
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

    /** Installs flows as one bulk load (the agent's deferred flow mods). */
    public void addFlows(String bridge, List<FlowMod> flows) {
        Bridge b = bridge(bridge);
        for (FlowMod f : flows) {
            FlowMods.add(b, f);
        }
    }
}
