package dev.packetwalk.ovs;

import dev.packetwalk.net.Clock;
import dev.packetwalk.ovs.db.BridgeRow;
import dev.packetwalk.ovs.db.InterfaceRow;
import dev.packetwalk.ovs.db.OvsDb;
import dev.packetwalk.ovs.db.PortRow;
import dev.packetwalk.ovs.db.SystemDevices;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.BridgePort;
import dev.packetwalk.ovs.ofproto.PortKind;
import dev.packetwalk.ovs.ofproto.Tunnel;
import dev.packetwalk.ovs.ofproto.VlanMode;
import dev.packetwalk.ovs.xlate.Datapath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One ovs-vswitchd with its database: the configuration (bridges, ports, interfaces as in
 * OVSDB) and the OpenFlow bridges built from it. After every committed database transaction
 * the bridges are reconfigured, as ovs-vswitchd does.
 *
 * <p>The {@link DatapathFlavour} decides how ports open. {@link DatapathFlavour#KERNEL} (the
 * default, what a user of a host gets) binds system and internal interfaces to the kernel's
 * devices through {@link #systemDevices(SystemDevices)}, which the host provides; until it does,
 * no system device exists. {@link DatapathFlavour#DUMMY} is ovs-vswitchd with
 * {@code --enable-dummy=override}, where any name opens: the differential suites select it
 * explicitly because their real oracle runs that way.
 */
public final class Vswitch {
    private final Clock clock;
    private final OvsDb db;
    private final Map<String, Bridge> bridges = new LinkedHashMap<>();
    private final Datapath datapath = new Datapath();
    private DatapathFlavour flavour = DatapathFlavour.KERNEL;
    private SystemDevices devices = SystemDevices.NONE;

    public Vswitch(Clock clock) {
        this(clock, 0x5eed_0f_0b5L);
    }

    /** A switch whose database UUIDs and MACs come from {@code seed} (same seed, same values). */
    public Vswitch(Clock clock, long seed) {
        this.clock = clock;
        this.db = new OvsDb(seed);
        db.addListener(this::reconfigure);
        db.systemDevices(devices);
    }

    public DatapathFlavour datapathFlavour() {
        return flavour;
    }

    /** Chooses how ports open (see the class comment); reconfigures the switch. */
    public Vswitch datapathFlavour(DatapathFlavour newFlavour) {
        this.flavour = newFlavour;
        db.systemDevices(newFlavour == DatapathFlavour.KERNEL ? devices : null);
        return this;
    }

    /** The kernel's devices, for the {@link DatapathFlavour#KERNEL} flavour (the host binds them). */
    public Vswitch systemDevices(SystemDevices kernelDevices) {
        this.devices = kernelDevices;
        if (flavour == DatapathFlavour.KERNEL) {
            db.systemDevices(kernelDevices);
        }
        return this;
    }

    /** The configuration database (conf.db) and the columns ovs-vswitchd writes back. */
    public OvsDb db() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    /** The datapath all this switch's bridges share (port numbering, recirculation ids). */
    public Datapath datapath() {
        return datapath;
    }

    /** The OpenFlow bridge called {@code name}. */
    public Optional<Bridge> bridge(String name) {
        return Optional.ofNullable(bridges.get(name));
    }

    public Collection<Bridge> bridges() {
        return Collections.unmodifiableCollection(bridges.values());
    }

    /** The bridge and port that own an OpenFlow port name (patch peers are found this way). */
    public Optional<Bridge> bridgeOfPort(String portName) {
        for (Bridge b : bridges.values()) {
            if (b.port(portName) != null) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    private void reconfigure() {
        Set<String> seen = new HashSet<>();
        for (BridgeRow row : db.bridges()) {
            seen.add(row.name());
            Bridge bridge = bridges.computeIfAbsent(row.name(), n -> new Bridge(n, clock));
            bridge.configure(ports(row), row.failMode(), !row.controllerTargets().isEmpty());
        }
        bridges.keySet().retainAll(seen);
    }

    private static List<BridgePort> ports(BridgeRow row) {
        List<BridgePort> list = new ArrayList<>();
        for (PortRow port : row.ports()) {
            for (InterfaceRow iface : port.interfaces()) {
                int ofport = iface.ofport();
                if (ofport <= 0) {
                    continue;
                }
                String type = iface.type();
                PortKind kind = PortKind.ofType(type);
                Map<String, String> options = iface.options();
                list.add(new BridgePort(ofport, iface.name(), kind, type, iface.mac(), port.tag(), port.trunks(),
                        VlanMode.of(port.vlanMode(), port.tag()),
                        kind == PortKind.PATCH ? options.get("peer") : null,
                        kind == PortKind.TUNNEL ? Tunnel.of(type, options) : null));
            }
        }
        return list;
    }
}
