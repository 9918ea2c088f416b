package dev.packetwalk.ovs.db;

import dev.packetwalk.net.MacAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What ovs-vswitchd does after each database change (bridge_reconfigure): it opens the
 * interfaces, gives them OpenFlow port numbers and MACs, reports errors, and picks each
 * bridge's MAC and datapath id; then it writes those columns back. This emulates ovs-vswitchd
 * 3.1 started with {@code --enable-dummy=override}: every device is a dummy netdev.
 */
final class BridgeReconfiguration {
    static final List<String> IFACE_TYPES = List.of("afxdp", "afxdp-nonpmd", "bareudp", "dummy",
            "dummy-internal", "dummy-pmd", "erspan", "geneve", "gre", "gtpu", "internal", "ip6erspan",
            "ip6gre", "lisp", "patch", "stt", "system", "tap", "vxlan");
    private static final List<String> STAT_KEYS = List.of("rx_bytes", "rx_custom_packets_1",
            "rx_custom_packets_2", "rx_packets", "rx_q0_bytes", "rx_q0_packets", "tx_bytes", "tx_packets",
            "tx_q0_bytes", "tx_q0_packets");
    /** Interface columns the status update (iface_refresh_netdev_status) writes. */
    private static final List<String> IFACE_STATUS_COLUMNS = List.of("mac_in_use", "mtu", "admin_state",
            "link_state", "ifindex", "link_resets");
    /** Bridge columns the status update (br_refresh_datapath_info) writes. */
    private static final List<String> BRIDGE_STATUS_COLUMNS = List.of("datapath_version");
    private static final List<String> PATCH_STAT_KEYS = List.of("rx_bytes", "rx_packets", "tx_bytes", "tx_packets");

    private final OvsDb db;
    private final SplittableRandom random;
    private final Map<String, OfportAllocator> allocators = new HashMap<>();
    private final Map<String, MacAddress> defaultMacs = new HashMap<>();
    private final Map<Uuid, MacAddress> netdevMacs = new HashMap<>();
    private final Map<Uuid, String> netdevTypes = new HashMap<>();
    /** MACs a lab pinned for interfaces by name ({@link PortSettings#macInUse()}), used instead of drawn ones. */
    private Map<String, MacAddress> pinnedMacs = new HashMap<>();
    /** Errors only the status update reports (patch ports without a usable peer), by interface. */
    private final Map<Uuid, String> statusErrors = new HashMap<>();
    private boolean statusRetried;
    /** The kernel's devices, or null for the dummy emulation where every name opens. */
    private SystemDevices devices;

    BridgeReconfiguration(OvsDb db, SplittableRandom random) {
        this.db = db;
        this.random = random;
    }

    void devices(SystemDevices systemDevices) {
        this.devices = systemDevices;
    }

    /** Reports {@code mac} for the interface called {@code name} from now on (see {@link PortSettings#withMacInUse}). */
    void pinMac(String name, MacAddress mac) {
        pinnedMacs.put(name, mac);
    }

    /** The pinned MACs, to put back if a transaction fails. */
    Map<String, MacAddress> pinnedMacs() {
        return new HashMap<>(pinnedMacs);
    }

    void restorePinnedMacs(Map<String, MacAddress> saved) {
        pinnedMacs = new HashMap<>(saved);
    }

    void reconfigure() {
        Row root = db.root();
        root.set("cur_cfg", root.get("next_cfg"));
        root.set("datapath_types", Datum.ofSet(List.of("dummy", "netdev", "system")));
        root.set("iface_types", Datum.ofSet(IFACE_TYPES));
        root.set("dpdk_version", Datum.of("none"));
        List<BridgeRow> bridges = db.bridges();
        Set<String> names = new java.util.HashSet<>();
        bridges.forEach(b -> names.add(b.name()));
        allocators.keySet().retainAll(names);
        defaultMacs.keySet().retainAll(names);
        statusErrors.clear();
        Set<String> ifaceNames = new java.util.HashSet<>();
        for (BridgeRow b : bridges) {
            reconfigure(b);
            b.ports().forEach(p -> p.interfaces().forEach(i -> ifaceNames.add(i.name())));
        }
        pinnedMacs.keySet().retainAll(ifaceNames);
    }

    private void reconfigure(BridgeRow bridge) {
        OfportAllocator alloc = allocators.computeIfAbsent(bridge.name(), n -> new OfportAllocator());
        List<Row> ifaces = new ArrayList<>();
        for (PortRow p : bridge.ports()) {
            p.interfaces().forEach(i -> ifaces.add(i.row()));
        }
        Map<Uuid, String> errors = new HashMap<>();
        for (Row i : ifaces) {
            String error = openError(bridge, i);
            if (error != null) {
                errors.put(i.uuid(), error);
            }
            String type = i.string("type");
            if (error != null || !type.equals(netdevTypes.get(i.uuid()))) {
                alloc.release(i.uuid());
                netdevMacs.remove(i.uuid());
                netdevTypes.remove(i.uuid());
            }
        }
        Set<Uuid> present = new java.util.HashSet<>();
        ifaces.forEach(i -> present.add(i.uuid()));
        for (Uuid gone : alloc.ifaces()) {
            if (!present.contains(gone)) {
                alloc.release(gone);
            }
        }
        for (Row i : ifaces) {
            if (!errors.containsKey(i.uuid()) && isLocal(bridge, i)) {
                alloc.assign(i.uuid(), InterfaceRow.OFPP_LOCAL);
            }
        }
        for (Row i : ifaces) {
            Long request = i.integer("ofport_request");
            if (errors.containsKey(i.uuid()) || request == null || isLocal(bridge, i)
                    || Integer.valueOf(request.intValue()).equals(alloc.numberOf(i.uuid()))) {
                continue;
            }
            Uuid holder = alloc.holder(request.intValue());
            if (holder != null) {
                alloc.release(holder);
            }
            alloc.release(i.uuid());
            alloc.assign(i.uuid(), request.intValue());
        }
        for (Row i : ifaces) {
            if (!errors.containsKey(i.uuid()) && alloc.numberOf(i.uuid()) == null) {
                alloc.allocate(i.uuid());
            }
        }
        for (Row i : ifaces) {
            writeInterface(bridge, i, alloc, errors.get(i.uuid()));
        }
        MacAddress mac = bridgeMac(bridge);
        String dpid = bridge.otherConfig().getOrDefault("datapath-id", "");
        long id = dpid.matches("[0-9a-fA-F]{16}") ? Long.parseUnsignedLong(dpid, 16) : 0;
        bridge.row().set("datapath_id", Datum.of(String.format("%016x", id != 0 ? id : mac.bits())));
        bridge.row().set("datapath_version", Datum.of("<built-in>"));
        for (Row i : ifaces) {
            if (isLocal(bridge, i) && !errors.containsKey(i.uuid())) {
                if (devices != null) {
                    devices.setMac(i.string("name"), mac.bits());
                }
                i.set("mac_in_use", Datum.of(mac.toString()));
            }
        }
    }

    /** The address the kernel device of a system or internal interface has (others keep OVS's). */
    private MacAddress kernelMac(Row i, String type, MacAddress chosen) {
        String name = i.string("name");
        if (type.isEmpty() || type.equals("system")) {
            return new MacAddress(devices.openSystem(name));
        }
        if (type.equals("internal")) {
            long requested = MacAddress.parseBits(i.string("mac") == null ? "" : i.string("mac"));
            long mac = devices.openInternal(name, chosen.bits());
            if (requested >= 0 && requested != mac) {
                devices.setMac(name, requested);
                mac = requested;
            }
            return new MacAddress(mac);
        }
        return chosen;
    }

    private static boolean isLocal(BridgeRow bridge, Row iface) {
        return iface.string("name").equals(bridge.name());
    }

    /** Why the interface cannot be opened, with ovs-vswitchd's message; null when it can. */
    private String openError(BridgeRow bridge, Row iface) {
        String name = iface.string("name");
        String type = iface.string("type");
        if (!type.isEmpty() && !IFACE_TYPES.contains(type)) {
            return "could not open network device " + name + " (Address family not supported by protocol)";
        }
        if (devices != null && (type.isEmpty() || type.equals("system")) && devices.openSystem(name) < 0) {
            return "could not open network device " + name + " (No such device)";
        }
        if (!type.equals("patch")) {
            return null;
        }
        String peer = iface.map("options").get("peer");
        if (peer == null) {
            return name + ": patch type requires valid 'peer' argument";
        }
        if (iface.map("options").size() > 1) {
            return name + ": patch type takes only a 'peer' argument";
        }
        if (peer.equals(name)) {
            return name + ": patch peer must not be self";
        }
        return null;
    }

    /** The error of a patch port whose peer is not a patch port pointing back in the same datapath. */
    private String peerError(BridgeRow bridge, Row iface) {
        String peer = iface.map("options").get("peer");
        String dpType = bridge.datapathType().isEmpty() ? "system" : bridge.datapathType();
        for (BridgeRow other : db.bridges()) {
            for (PortRow p : other.ports()) {
                for (InterfaceRow i : p.interfaces()) {
                    if (i.name().equals(peer) && i.type().equals("patch")
                            && iface.string("name").equals(i.options().get("peer"))
                            && openError(other, i.row()) == null
                            && (other.datapathType().isEmpty() ? "system" : other.datapathType()).equals(dpType)) {
                        return null;
                    }
                }
            }
        }
        return "No usable peer '" + peer + "' exists in '" + dpType
                + "' datapath.";
    }

    private void writeInterface(BridgeRow bridge, Row i, OfportAllocator alloc, String error) {
        if (error != null) {
            i.set("ofport", Datum.of(-1L));
            i.set("error", Datum.of(error));
            for (String c : List.of("mac_in_use", "mtu", "admin_state", "link_state", "ifindex", "link_resets")) {
                i.set(c, Datum.empty(false));
            }
            i.set("statistics", Datum.empty(true));
            return;
        }
        String type = i.string("type");
        boolean patch = type.equals("patch");
        netdevTypes.put(i.uuid(), type);
        MacAddress pinned = pinnedMacs.get(i.string("name"));
        MacAddress mac = pinned != null ? pinned : netdevMacs.computeIfAbsent(i.uuid(), u -> randomMac());
        netdevMacs.put(i.uuid(), mac);
        String requested = i.string("mac");
        if (type.equals("internal") && requested != null && MacAddress.parseBits(requested) >= 0) {
            mac = MacAddress.parse(requested);
            netdevMacs.put(i.uuid(), mac);
        }
        if (devices != null) {
            mac = kernelMac(i, type, mac);
            netdevMacs.put(i.uuid(), mac);
        }
        Integer ofport = alloc.numberOf(i.uuid());
        i.set("ofport", Datum.of((long) (ofport == null ? -1 : ofport)));
        String peerError = patch ? peerError(bridge, i) : null;
        if (peerError != null) {
            statusErrors.put(i.uuid(), peerError);
        }
        i.set("error", Datum.empty(false));
        i.set("mac_in_use", Datum.of(mac.toString()));
        i.set("mtu", patch ? Datum.empty(false) : Datum.of(1500L));
        i.set("admin_state", Datum.of("up"));
        i.set("link_state", Datum.of("up"));
        i.set("ifindex", Datum.of(0L));
        i.set("link_resets", Datum.of(0L));
        TreeMap<String, Long> stats = new TreeMap<>();
        (patch ? PATCH_STAT_KEYS : STAT_KEYS).forEach(k -> stats.put(k, 0L));
        i.set("statistics", Datum.ofMap(stats));
    }

    /**
     * The status update that follows a reconfiguration (bridge.c run_status_update). The
     * reconfiguration itself cleared every interface's error; the status transaction then
     * writes the errors only ofproto knows (a patch port without a usable peer). ovs-vswitchd
     * builds it against its replica of the database as it was before the reconfiguration, so:
     * a write of a value the replica already holds is dropped, and a transaction with nothing
     * left to write is never sent, leaving those errors cleared; a transaction that is sent
     * verifies the error column, fails when the reconfiguration changed it, and is retried
     * 100 ms later, when it succeeds. Packetwalk shows the state once that retry has happened;
     * {@link #statusRetried()} says whether one was needed.
     *
     * @param before each row's values before the transaction (absent for new rows)
     */
    void publishStatus(java.util.function.Function<Uuid, Map<String, Datum>> before) {
        boolean writes = false;
        boolean conflict = false;
        for (Map.Entry<Uuid, String> e : statusErrors.entrySet()) {
            Map<String, Datum> old = before.apply(e.getKey());
            Datum oldError = old == null ? Datum.empty(false) : old.get("error");
            writes |= !oldError.equals(Datum.of(e.getValue()));
            conflict |= !oldError.isEmpty();
        }
        for (BridgeRow b : db.bridges()) {
            writes |= changed(before, b.row(), BRIDGE_STATUS_COLUMNS);
            for (PortRow p : b.ports()) {
                for (InterfaceRow i : p.interfaces()) {
                    if (netdevTypes.containsKey(i.uuid())) {
                        writes |= changed(before, i.row(), IFACE_STATUS_COLUMNS);
                    }
                }
            }
        }
        statusRetried = writes && conflict;
        if (writes) {
            statusErrors.forEach((uuid, error) -> db.row("Interface", uuid).ifPresent(r -> r.set("error", Datum.of(error))));
        }
    }

    void forgetStatusRetry() {
        statusRetried = false;
    }

    /** True when the last status update was rejected once and had to be retried. */
    boolean statusRetried() {
        return statusRetried;
    }

    private static boolean changed(java.util.function.Function<Uuid, Map<String, Datum>> before, Row row,
            List<String> columns) {
        Map<String, Datum> old = before.apply(row.uuid());
        if (old == null) {
            return true;
        }
        for (String c : columns) {
            if (!row.get(c).equals(old.get(c))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bridge MAC as bridge.c picks it: other_config:hwaddr, else the lowest universal
     * unicast MAC among the ports (the LOCAL port does not count), else a random local one. A
     * lab's pin on the LOCAL interface (see {@link SwitchConfig#pinMacInUse}) comes first.
     */
    MacAddress bridgeMac(BridgeRow bridge) {
        MacAddress pin = pinnedMacs.get(bridge.name());
        if (pin != null) {
            return pin;
        }
        long hw = MacAddress.parseBits(bridge.otherConfig().getOrDefault("hwaddr", ""));
        if (hw > 0 && (hw & 0x0100_0000_0000L) == 0) {
            return new MacAddress(hw);
        }
        long best = -1;
        for (PortRow p : bridge.ports()) {
            InterfaceRow first = null;
            for (InterfaceRow i : p.interfaces()) {
                if (first == null || i.name().compareTo(first.name()) < 0) {
                    first = i;
                }
            }
            MacAddress m = first == null || first.name().equals(bridge.name()) ? null : netdevMacs.get(first.uuid());
            if (m != null && (m.bits() & 0x0300_0000_0000L) == 0 && m.bits() != 0
                    && (best < 0 || m.bits() < best)) {
                best = m.bits();
            }
        }
        if (best > 0) {
            return new MacAddress(best);
        }
        return defaultMacs.computeIfAbsent(bridge.name(), n -> randomMac());
    }

    /** A random locally administered unicast MAC, as eth_addr_random() makes them. */
    private MacAddress randomMac() {
        long bits = random.nextLong() & 0xffff_ffff_ffffL;
        bits = (bits & ~0x0100_0000_0000L) | 0x0200_0000_0000L;
        return new MacAddress(bits);
    }
}
