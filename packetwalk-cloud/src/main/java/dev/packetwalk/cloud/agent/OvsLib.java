package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.Pins;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.db.BridgeSettings;
import dev.packetwalk.ovs.db.InterfaceRow;
import dev.packetwalk.ovs.db.PortRow;
import dev.packetwalk.ovs.db.PortSettings;
import dev.packetwalk.ovs.db.SwitchConfig;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.FlowMods;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
    /** The configuration being changed while a {@link #batch} runs, else null. */
    private SwitchConfig batch;

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
        if (pins.ovsUuid() != null) {
            vswitch.db().pinSystemUuid(dev.packetwalk.ovs.db.Uuid.parseOrNull(pins.ovsUuid()));
        }
        vswitch.db().transact(true, () -> new SwitchConfig(vswitch.db()).setManagers(List.of(MANAGER)));
        vswitch.db().managerConnection(MANAGER, true);
    }

    /**
     * A bridge as the agent creates it: fail_mode secure, OpenFlow 1.0 and 1.3, its controller
     * in out-of-band mode (the native driver's setup_controllers) with the agent's OpenFlow
     * application connected to it.
     */
    public void addBridge(String name) {
        vswitch.db().transact(true, () -> {
            SwitchConfig config = new SwitchConfig(vswitch.db());
            config.addBridge(BridgeSettings.of(name).withFailMode("secure").withProtocols("OpenFlow10", "OpenFlow13"));
            config.setControllers(name, List.of(CONTROLLER), "out-of-band");
            Long mac = pins.macs().get(name);
            if (mac != null) {
                config.pinMacInUse(name, new MacAddress(mac));
            }
        });
        vswitch.db().controllerConnection(name, CONTROLLER, true);
    }

    public void addSystemPort(String bridge, String name, Map<String, String> externalIds) {
        addPort(bridge, settings(name, externalIds));
    }

    public void addInternalPort(String bridge, String name, Map<String, String> externalIds) {
        addPort(bridge, settings(name, externalIds).withType("internal"));
    }

    public void addPatchPort(String bridge, String name, String peer) {
        addPort(bridge, settings(name, Map.of()).withType("patch").withOption("peer", peer));
    }

    public void addTunnelPort(String bridge, String name, String type, Map<String, String> options) {
        PortSettings s = settings(name, Map.of()).withType(type);
        for (Map.Entry<String, String> o : options.entrySet()) {
            s = s.withOption(o.getKey(), o.getValue());
        }
        addPort(bridge, s);
    }

    /** A port with its external_ids and what the lab pins for it (OpenFlow port number, reported MAC). */
    private PortSettings settings(String name, Map<String, String> externalIds) {
        PortSettings s = PortSettings.of(name);
        for (Map.Entry<String, String> e : externalIds.entrySet()) {
            s = s.withExternalId(e.getKey(), e.getValue());
        }
        Integer ofport = pins.ofports().get(name);
        if (ofport != null) {
            s = s.withOfportRequest(ofport);
        }
        Long mac = pins.macs().get(name);
        if (mac != null) {
            s = s.withMacInUse(new MacAddress(mac));
        }
        return s;
    }

    private void addPort(String bridge, PortSettings settings) {
        write(config -> config.addPort(bridge, settings));
    }

    /** Points a patch interface at its peer ({@code set Interface NAME options:peer=PEER}). */
    public void setPatchPeer(String iface, String peer) {
        write(config -> config.putInterfaceOptions(iface, Map.of("peer", peer)));
    }

    /**
     * Runs {@code changes} (this facade's port and column writes) as one OVSDB transaction, as
     * the agent's deferred ovsdb commands do; OpenFlow port numbers of ports it adds are known
     * once it returns.
     */
    public void batch(Runnable changes) {
        if (batch != null) {
            changes.run();
            return;
        }
        vswitch.db().transact(true, () -> {
            batch = new SwitchConfig(vswitch.db());
            try {
                changes.run();
            } finally {
                batch = null;
            }
        });
    }

    private void write(java.util.function.Consumer<SwitchConfig> change) {
        if (batch != null) {
            change.accept(batch);
        } else {
            vswitch.db().transact(true, () -> change.accept(new SwitchConfig(vswitch.db())));
        }
    }

    /** Adds or replaces keys of a port's other_config ({@code set Port NAME other_config=...}). */
    public void updatePortOtherConfig(String port, Map<String, String> entries) {
        write(config -> config.putPortOtherConfig(port, entries));
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
        write(config -> config.setTag(port, vlan));
    }

    /** The OpenFlow port number ovs-vswitchd gave an interface. */
    public int ofport(String name) {
        int n = vswitch.db().findInterface(name).orElseThrow().ofport();
        if (n <= 0) {
            throw new IllegalStateException("interface " + name + " has no OpenFlow port");
        }
        return n;
    }

    public Bridge bridge(String name) {
        return vswitch.bridge(name).orElseThrow();
    }

    /** Installs flows in order, as the agent sends its flow mods one after the other. */
    public void addFlows(String bridge, List<FlowMod> flows) {
        FlowMods.addAll(bridge(bridge), flows);
    }
}
