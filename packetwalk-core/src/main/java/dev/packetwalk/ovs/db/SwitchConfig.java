package dev.packetwalk.ovs.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The bridge/port/controller operations of ovs-vsctl on an {@link OvsDb}, with its checks and
 * messages. Call them inside {@link OvsDb#transact}; they throw {@link OvsDbException}.
 */
public final class SwitchConfig {
    private final OvsDb db;

    public SwitchConfig(OvsDb db) {
        this.db = db;
    }

    public BridgeRow bridge(String name) {
        return db.bridge(name).orElseThrow(() -> new OvsDbException("no bridge named " + name));
    }

    /** add-br: the bridge, its LOCAL port and internal interface. */
    public void addBridge(String name, boolean mayExist) {
        if (mayExist && db.bridge(name).isPresent()) {
            return;
        }
        checkConflicts(name, "cannot create a bridge named " + name);
        Row iface = db.insert("Interface");
        iface.set("name", Datum.of(name));
        iface.set("type", Datum.of("internal"));
        Row port = newPort(name, List.of(iface));
        Row bridge = db.insert("Bridge");
        bridge.set("name", Datum.of(name));
        bridge.set("ports", Datum.of(port.uuid()));
        db.root().set("bridges", db.root().get("bridges").with(bridge.uuid(), null));
    }

    /**
     * add-br with its settings in one call: what {@code ovs-vsctl add-br BR -- set-fail-mode BR
     * MODE -- set Bridge BR protocols=... datapath_type=... external_ids:KEY=VALUE} does.
     */
    public void addBridge(BridgeSettings settings) {
        addBridge(settings.name(), false);
        Row b = bridge(settings.name()).row();
        if (settings.failMode() != null) {
            setFailMode(settings.name(), settings.failMode());
        }
        if (!settings.protocols().isEmpty()) {
            b.set("protocols", Datum.ofSet(settings.protocols()));
        }
        if (!settings.datapathType().isEmpty()) {
            b.set("datapath_type", Datum.of(settings.datapathType()));
        }
        if (!settings.externalIds().isEmpty()) {
            b.set("external_ids", Datum.ofMap(settings.externalIds()));
        }
    }

    public void deleteBridge(String name, boolean ifExists) {
        Optional<BridgeRow> b = db.bridge(name);
        if (b.isEmpty()) {
            if (ifExists) {
                return;
            }
            throw new OvsDbException("no bridge named " + name);
        }
        db.root().set("bridges", db.root().get("bridges").minus(Datum.of(b.get().uuid())));
    }

    /** add-port BR PORT (one interface named like the port); returns the Port row for column settings. */
    public Row addPort(String bridgeName, String portName, List<String> ifaceNames, boolean mayExist) {
        if (mayExist) {
            Optional<PortRow> existing = db.port(portName);
            if (existing.isPresent()) {
                String owner = db.bridgeOf(existing.get()).map(BridgeRow::name).orElse("");
                if (!owner.equals(bridgeName)) {
                    throw new OvsDbException("\"--may-exist add-" + (ifaceNames.size() > 1 ? "bond" : "port")
                            + " " + bridgeName + " " + portName + "\" but " + portName
                            + " is actually attached to bridge " + owner);
                }
                return null;
            }
        }
        checkConflicts(portName, "cannot create a port named " + portName);
        BridgeRow bridge = bridge(bridgeName);
        List<Row> ifaces = new ArrayList<>();
        for (String n : ifaceNames) {
            checkConflicts(n, "cannot create an interface named " + n);
            Row iface = db.insert("Interface");
            iface.set("name", Datum.of(n));
            ifaces.add(iface);
        }
        Row port = newPort(portName, ifaces);
        bridge.row().set("ports", bridge.row().get("ports").with(port.uuid(), null));
        return port;
    }

    /**
     * add-port with its settings in one call: what {@code ovs-vsctl add-port BR P tag=N -- set
     * Interface P type=T options:K=V external_ids:K=V ofport_request=N -- set Port P
     * other_config:K=V} does (same checks and messages as {@link #addPort(String, String, List, boolean)}).
     */
    public void addPort(String bridgeName, PortSettings settings) {
        Row port = addPort(bridgeName, settings.name(), List.of(settings.name()), false);
        Row iface = db.findInterface(settings.name()).orElseThrow().row();
        if (settings.tag() != null) {
            port.set("tag", Datum.of((long) settings.tag()));
        }
        if (!settings.portOtherConfig().isEmpty()) {
            port.set("other_config", Datum.ofMap(settings.portOtherConfig()));
        }
        if (!settings.type().isEmpty()) {
            iface.set("type", Datum.of(settings.type()));
        }
        if (!settings.options().isEmpty()) {
            iface.set("options", Datum.ofMap(settings.options()));
        }
        if (!settings.externalIds().isEmpty()) {
            iface.set("external_ids", Datum.ofMap(settings.externalIds()));
        }
        if (settings.ofportRequest() != null) {
            iface.set("ofport_request", Datum.of((long) settings.ofportRequest()));
        }
        if (settings.macInUse() != null) {
            db.vswitchd().pinMac(settings.name(), settings.macInUse());
        }
    }

    /**
     * Fixes the MAC ovs-vswitchd reports for an interface (mac_in_use, {@code ovs-ofctl show}'s
     * addr), as {@link PortSettings#withMacInUse} does for a new port: for labs that reproduce a
     * real node's addresses. Real OVS has no such setting.
     */
    public void pinMacInUse(String ifaceName, dev.packetwalk.net.MacAddress mac) {
        db.findInterface(ifaceName).orElseThrow(() -> new OvsDbException("no row \"" + ifaceName
                + "\" in table Interface"));
        db.vswitchd().pinMac(ifaceName, mac);
    }

    /** {@code set Port NAME tag=VLAN}. */
    public void setTag(String portName, int vlan) {
        if (vlan < 0 || vlan > 4095) {
            throw new OvsDbException("constraint violation: " + vlan + " is not in the valid range 0 to 4095 (inclusive)");
        }
        port(portName).row().set("tag", Datum.of((long) vlan));
    }

    /** {@code set Port NAME other_config:K=V ...}: adds or replaces these keys. */
    public void putPortOtherConfig(String portName, Map<String, String> entries) {
        PortRow p = port(portName);
        java.util.TreeMap<String, String> merged = new java.util.TreeMap<>(p.otherConfig());
        merged.putAll(entries);
        p.row().set("other_config", Datum.ofMap(merged));
    }

    /** {@code set Interface NAME options:K=V ...}: adds or replaces these keys. */
    public void putInterfaceOptions(String ifaceName, Map<String, String> entries) {
        InterfaceRow i = db.findInterface(ifaceName).orElseThrow(() -> new OvsDbException("no row \"" + ifaceName
                + "\" in table Interface"));
        java.util.TreeMap<String, String> merged = new java.util.TreeMap<>(i.options());
        merged.putAll(entries);
        i.row().set("options", Datum.ofMap(merged));
    }

    private PortRow port(String name) {
        return db.port(name).orElseThrow(() -> new OvsDbException("no row \"" + name + "\" in table Port"));
    }

    private Row newPort(String name, List<Row> ifaces) {
        Row port = db.insert("Port");
        port.set("name", Datum.of(name));
        port.set("interfaces", Datum.ofSet(ifaces.stream().map(Row::uuid).toList()));
        return port;
    }

    /**
     * del-port [BR] PORT (or, with {@code withIface}, the port holding interface PORT). The
     * port is looked up first; the bridge is checked only when the port exists.
     */
    public void deletePort(String bridgeName, String name, boolean ifExists, boolean withIface) {
        if (db.bridge(name).isPresent()) {
            if (!ifExists) {
                throw new OvsDbException("cannot delete port " + name + " because it is the local port for bridge "
                        + name + " (deleting this port requires deleting the entire bridge)");
            }
            return;
        }
        Optional<PortRow> port = db.port(name);
        if (port.isEmpty() && withIface) {
            port = db.findInterface(name).flatMap(db::portOf);
        }
        if (port.isEmpty()) {
            if (ifExists) {
                return;
            }
            throw new OvsDbException(withIface ? "no port or interface named " + name : "no port named " + name);
        }
        BridgeRow owner = db.bridgeOf(port.get()).orElseThrow();
        if (bridgeName != null && !owner.name().equals(bridge(bridgeName).name())) {
            throw new OvsDbException("bridge " + bridgeName + " does not have a port " + name);
        }
        owner.row().set("ports", owner.row().get("ports").minus(Datum.of(port.get().uuid())));
    }

    public List<String> bridgeNames() {
        return sorted(db.bridges().stream().map(BridgeRow::name).toList());
    }

    /** list-ports: the bridge's ports but its own, sorted. */
    public List<String> portNames(String bridgeName) {
        BridgeRow b = bridge(bridgeName);
        return sorted(b.ports().stream().map(PortRow::name).filter(n -> !n.equals(b.name())).toList());
    }

    /** list-ifaces: the bridge's interfaces but its own, sorted. */
    public List<String> interfaceNames(String bridgeName) {
        BridgeRow b = bridge(bridgeName);
        List<String> names = new ArrayList<>();
        b.ports().forEach(p -> p.interfaces().forEach(i -> names.add(i.name())));
        names.remove(b.name());
        return sorted(names);
    }

    public String bridgeOfPort(String portName) {
        PortRow p = db.port(portName).orElseThrow(() -> new OvsDbException("no port named " + portName));
        return db.bridgeOf(p).orElseThrow().name();
    }

    public String bridgeOfInterface(String ifaceName) {
        InterfaceRow i = db.findInterface(ifaceName)
                .orElseThrow(() -> new OvsDbException("no interface named " + ifaceName));
        return db.bridgeOf(db.portOf(i).orElseThrow()).orElseThrow().name();
    }

    public void setFailMode(String bridgeName, String mode) {
        BridgeRow b = bridge(bridgeName);
        if (!mode.equals("standalone") && !mode.equals("secure")) {
            throw new OvsDbException("fail-mode must be \"standalone\" or \"secure\"");
        }
        b.row().set("fail_mode", Datum.of(mode));
    }

    public void clearFailMode(String bridgeName) {
        bridge(bridgeName).row().set("fail_mode", Datum.empty(false));
    }

    /** set-controller: replaces the bridge's controllers with new Controller rows. */
    public void setControllers(String bridgeName, List<String> targets) {
        setControllers(bridgeName, targets, null);
    }

    /**
     * set-controller with each new Controller row's {@code connection_mode} ("in-band",
     * "out-of-band", or null for OVS's default), as Neutron's agent does with {@code -- set
     * Controller BR connection_mode=out-of-band}.
     */
    public void setControllers(String bridgeName, List<String> targets, String connectionMode) {
        if (connectionMode != null && !connectionMode.equals("in-band") && !connectionMode.equals("out-of-band")) {
            throw new IllegalArgumentException("connection_mode must be \"in-band\" or \"out-of-band\"");
        }
        BridgeRow b = bridge(bridgeName);
        List<Uuid> rows = new ArrayList<>();
        for (String t : targets) {
            Row c = db.insert("Controller");
            c.set("target", Datum.of(t));
            if (connectionMode != null) {
                c.set("connection_mode", Datum.of(connectionMode));
            }
            rows.add(c.uuid());
        }
        b.row().set("controller", Datum.ofSet(rows));
    }

    public List<String> controllerTargets(String bridgeName) {
        return sorted(bridge(bridgeName).controllerTargets());
    }

    /** set-manager: replaces the Open_vSwitch row's managers. */
    public void setManagers(List<String> targets) {
        List<Uuid> rows = new ArrayList<>();
        for (String t : targets) {
            Row m = db.insert("Manager");
            m.set("target", Datum.of(t));
            rows.add(m.uuid());
        }
        db.root().set("manager_options", Datum.ofSet(rows));
    }

    public List<String> managerTargets() {
        return sorted(db.referenced(db.root(), "manager_options").stream().map(r -> r.string("target")).toList());
    }

    private void checkConflicts(String name, String message) {
        if (db.bridge(name).isPresent()) {
            throw new OvsDbException(message + " because a bridge named " + name + " already exists");
        }
        Optional<PortRow> port = db.port(name);
        if (port.isPresent()) {
            throw new OvsDbException(message + " because a port named " + name
                    + " already exists on bridge " + db.bridgeOf(port.get()).map(BridgeRow::name).orElse(""));
        }
        Optional<InterfaceRow> iface = db.findInterface(name);
        if (iface.isPresent()) {
            String br = db.portOf(iface.get()).flatMap(db::bridgeOf).map(BridgeRow::name).orElse("");
            throw new OvsDbException(message + " because an interface named " + name
                    + " already exists on bridge " + br);
        }
    }

    private static List<String> sorted(List<String> names) {
        return new ArrayList<>(new TreeSet<>(names));
    }
}
