package dev.packetwalk.ovs.db;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Open vSwitch configuration database of one host (conf.db as ovsdb-server holds it) plus
 * the columns ovs-vswitchd writes back (ofport, mac_in_use, error, datapath_id ...).
 *
 * <p>Every change runs in a {@link #transact transaction}: all of it commits, or none of it.
 * After a commit, unreferenced rows are collected as OVSDB does, the switch reconfigures
 * itself ({@link BridgeReconfiguration}) and the listeners run.
 */
public final class OvsDb {
    /** What ovs-ctl writes into {@code ovs_version} when Debian 12 starts Open vSwitch. */
    public static final String OVS_VERSION = "3.1.0";

    private final Schema schema = Schema.vswitch();
    private final SplittableRandom random;
    private final Map<String, LinkedHashMap<Uuid, Row>> tables = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final BridgeReconfiguration vswitchd;
    private final ConnectionStatus sessions = new ConnectionStatus();
    private Row root;
    private long serial;
    private boolean inTransaction;
    /** Each changed row's values before the running transaction (null outside one). */
    private Map<Uuid, Map<String, Datum>> journal;
    /** The rows the running transaction inserted. */
    private Set<Uuid> inserted = new HashSet<>();

    /** A database seeded so that its UUIDs and MACs are the same on every run. */
    public OvsDb(long seed) {
        this.random = new SplittableRandom(seed);
        for (String t : List.of("Open_vSwitch", "Bridge", "Port", "Interface", "Controller", "Manager")) {
            tables.put(t, new LinkedHashMap<>());
        }
        this.vswitchd = new BridgeReconfiguration(this, random.split());
        this.root = insert("Open_vSwitch");
        root.set("ovs_version", Datum.of(OVS_VERSION));
        vswitchd.reconfigure();
    }

    public Schema schema() {
        return schema;
    }

    /**
     * Binds the switch to the kernel's devices ({@code null}: the dummy emulation, where every
     * device name opens) and reconfigures with them.
     */
    public void systemDevices(SystemDevices devices) {
        vswitchd.devices(devices);
        vswitchd.reconfigure();
        listeners.forEach(Runnable::run);
    }

    /**
     * Says that the OpenFlow session from {@code bridge} to its controller {@code target} is up
     * (or down), as the software listening there (the Neutron agent) would see it: ovs-vswitchd
     * writes the Controller row's {@code is_connected}, {@code role} and {@code status}, so
     * {@code ovs-vsctl show} prints {@code is_connected: true} under it.
     *
     * @throws OvsDbException when the bridge has no controller with that target
     */
    public void controllerConnection(String bridge, String target, boolean up) {
        if (inTransaction) {
            throw new IllegalStateException("a session's status is written by the daemons, outside transactions");
        }
        BridgeRow b = bridge(bridge).orElseThrow(() -> new OvsDbException("no bridge named " + bridge));
        if (!b.controllerTargets().contains(target)) {
            throw new OvsDbException("bridge " + bridge + " has no controller " + target);
        }
        sessions.controller(bridge, target, up);
        sessions.write(this);
        listeners.forEach(Runnable::run);
    }

    /**
     * Says that a client's session with the manager {@code target} ({@code ptcp:6640:127.0.0.1})
     * is up (or down): ovsdb-server writes the Manager row's {@code is_connected} and {@code status}.
     *
     * @throws OvsDbException when no manager has that target
     */
    public void managerConnection(String target, boolean up) {
        if (inTransaction) {
            throw new IllegalStateException("a session's status is written by the daemons, outside transactions");
        }
        if (byIndex("Manager", target).filter(m -> root.get("manager_options").contains(m.uuid())).isEmpty()) {
            throw new OvsDbException("no manager " + target);
        }
        sessions.manager(target, up);
        sessions.write(this);
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after each committed transaction. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    // ---- typed views -------------------------------------------------------------------

    /**
     * Gives the Open_vSwitch row (the first line of {@code ovs-vsctl show}) a fixed UUID, for
     * labs that reproduce a real node; real OVS picks it when the database is created, so only
     * a database without bridges may take one.
     */
    public void pinSystemUuid(Uuid uuid) {
        if (!referenced(root, "bridges").isEmpty() || inTransaction) {
            throw new IllegalStateException("the Open_vSwitch row's UUID is fixed before any bridge is added");
        }
        LinkedHashMap<Uuid, Row> rows = table("Open_vSwitch");
        Row pinned = new Row(root.table(), uuid, root.serial(), this);
        pinned.restore(root.snapshot());
        rows.clear();
        rows.put(uuid, pinned);
        root = pinned;
    }

    /** The Open_vSwitch row. */
    public Row root() {
        return root;
    }

    /** Bridges in the order they were created. */
    public List<BridgeRow> bridges() {
        return referenced(root, "bridges").stream().map(r -> new BridgeRow(this, r)).toList();
    }

    public Optional<BridgeRow> bridge(String name) {
        return byIndex("Bridge", name).map(r -> new BridgeRow(this, r));
    }

    public Optional<PortRow> port(String name) {
        return byIndex("Port", name).map(r -> new PortRow(this, r));
    }

    public Optional<InterfaceRow> findInterface(String name) {
        return byIndex("Interface", name).map(r -> new InterfaceRow(this, r));
    }

    /** The bridge whose {@code ports} column holds {@code port}. */
    public Optional<BridgeRow> bridgeOf(PortRow port) {
        for (Row b : rows("Bridge")) {
            if (b.get("ports").contains(port.row().uuid())) {
                return Optional.of(new BridgeRow(this, b));
            }
        }
        return Optional.empty();
    }

    /** The port whose {@code interfaces} column holds {@code iface}. */
    public Optional<PortRow> portOf(InterfaceRow iface) {
        for (Row p : rows("Port")) {
            if (p.get("interfaces").contains(iface.row().uuid())) {
                return Optional.of(new PortRow(this, p));
            }
        }
        return Optional.empty();
    }

    // ---- generic rows ------------------------------------------------------------------

    /** The rows of a table, oldest first. */
    public List<Row> rows(String table) {
        return new ArrayList<>(table(table).values());
    }

    public Optional<Row> row(String table, Uuid uuid) {
        return Optional.ofNullable(table(table).get(uuid));
    }

    /** The rows a uuid-set column of {@code row} refers to, oldest first. */
    public List<Row> referenced(Row row, String column) {
        String ref = row.table().column(column).key().refTable();
        List<Row> out = new ArrayList<>();
        for (Object u : row.get(column).keys()) {
            Row r = table(ref).get((Uuid) u);
            if (r != null) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingLong(Row::serial));
        return out;
    }

    /** The row whose index column (name, or target for Manager) equals {@code key}. */
    public Optional<Row> byIndex(String table, String key) {
        String index = schema.table(table).index();
        for (Row r : table(table).values()) {
            if (key.equals(r.string(index))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Adds a row with default values (inside a transaction). */
    public Row insert(String table) {
        Row r = new Row(schema.table(table), Uuid.random(random), serial++, this);
        if (journal != null) {
            inserted.add(r.uuid());
        }
        table(table).put(r.uuid(), r);
        return r;
    }

    /** Removes a row (inside a transaction); references to it must be removed too. */
    public void delete(Row row) {
        table(row.table().name()).remove(row.uuid());
    }

    private LinkedHashMap<Uuid, Row> table(String name) {
        LinkedHashMap<Uuid, Row> t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no table " + name);
        }
        return t;
    }

    // ---- transactions ------------------------------------------------------------------

    /** What a committed transaction left behind that ovs-vsctl reports. */
    public record Commit(boolean changed, List<String> newInterfaceErrors) {
    }

    /**
     * Runs {@code body} as one transaction. If it throws, every row is put back as it was.
     * {@code waitForReload} is ovs-vsctl's default (not {@code --no-wait}): the change bumps
     * next_cfg, and errors of newly added interfaces are reported.
     */
    public Commit transact(boolean waitForReload, Runnable body) {
        if (inTransaction) {
            throw new IllegalStateException("transactions do not nest");
        }
        Map<String, LinkedHashMap<Uuid, Row>> savedRows = new HashMap<>();
        tables.forEach((name, rows) -> savedRows.put(name, new LinkedHashMap<>(rows)));
        journal = new HashMap<>();
        inserted = new HashSet<>();
        long savedSerial = serial;
        Map<String, dev.packetwalk.net.MacAddress> savedPins = vswitchd.pinnedMacs();
        vswitchd.forgetStatusRetry();
        inTransaction = true;
        try {
            body.run();
            collectGarbage();
            checkIndexes();
        } catch (RuntimeException e) {
            tables.forEach((name, rows) -> {
                rows.clear();
                rows.putAll(savedRows.get(name));
            });
            tables.values().forEach(rows -> rows.values().forEach(r -> {
                Map<String, Datum> before = journal.get(r.uuid());
                if (before != null) {
                    r.restore(before);
                }
            }));
            serial = savedSerial;
            vswitchd.restorePinnedMacs(savedPins);
            journal = null;
            throw e;
        } finally {
            inTransaction = false;
        }
        try {
            return commit(waitForReload, savedRows);
        } finally {
            journal = null;
        }
    }

    /** After a transaction's body: reconfigures, publishes status and reports, journaling what ovs-vswitchd writes. */
    private Commit commit(boolean waitForReload, Map<String, LinkedHashMap<Uuid, Row>> savedRows) {
        if (unchanged(savedRows)) {
            return new Commit(false, List.of());
        }
        Set<Uuid> newIfaces = new HashSet<>(table("Interface").keySet());
        newIfaces.removeAll(savedRows.get("Interface").keySet());
        if (waitForReload) {
            root.set("next_cfg", Datum.of(root.integer("next_cfg") + 1));
        }
        vswitchd.reconfigure();
        vswitchd.publishStatus(this::valuesBefore);
        sessions.write(this);
        List<String> errors = new ArrayList<>();
        if (waitForReload) {
            for (Row i : table("Interface").values()) {
                if (newIfaces.contains(i.uuid()) && i.string("error") != null && i.integer("ofport") != null
                        && i.integer("ofport") == -1) {
                    errors.add("Error detected while setting up '" + i.string("name") + "': "
                            + i.string("error") + ".  See ovs-vswitchd log for details.");
                }
            }
        }
        listeners.forEach(Runnable::run);
        return new Commit(true, errors);
    }

    /** True when the transaction left every table with the same rows and every row with the same values. */
    private boolean unchanged(Map<String, LinkedHashMap<Uuid, Row>> savedRows) {
        for (Map.Entry<String, LinkedHashMap<Uuid, Row>> e : tables.entrySet()) {
            if (!e.getValue().keySet().equals(savedRows.get(e.getKey()).keySet())) {
                return false;
            }
        }
        for (Map.Entry<Uuid, Map<String, Datum>> e : journal.entrySet()) {
            for (LinkedHashMap<Uuid, Row> rows : tables.values()) {
                Row r = rows.get(e.getKey());
                if (r != null && !r.snapshot().equals(e.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Records a row's values before its first change in the running transaction (rows it inserted have none). */
    void touch(Row row) {
        if (journal != null && !inserted.contains(row.uuid()) && !journal.containsKey(row.uuid())) {
            journal.put(row.uuid(), row.snapshot());
        }
    }

    /** A row's values before the running transaction: null for a row it inserted. */
    private Map<String, Datum> valuesBefore(Uuid uuid) {
        if (inserted.contains(uuid)) {
            return null;
        }
        Map<String, Datum> before = journal.get(uuid);
        if (before != null) {
            return before;
        }
        for (LinkedHashMap<Uuid, Row> rows : tables.values()) {
            Row r = rows.get(uuid);
            if (r != null) {
                return r.view();
            }
        }
        return null;
    }

    /** Deletes rows of non-root tables that no row refers to, as OVSDB does at commit. */
    public void collectGarbage() {
        Set<Uuid> reachable = new HashSet<>();
        Deque<Row> todo = new ArrayDeque<>();
        for (LinkedHashMap<Uuid, Row> rows : tables.values()) {
            for (Row r : rows.values()) {
                if (r.table().root()) {
                    todo.add(r);
                    reachable.add(r.uuid());
                }
            }
        }
        while (!todo.isEmpty()) {
            Row r = todo.poll();
            r.table().columns().forEach((column, type) -> {
                List<Object> refs = new ArrayList<>();
                if (type.key().refTable() != null) {
                    refs.addAll(r.get(column).keys());
                }
                if (type.isMap() && type.value().refTable() != null) {
                    refs.addAll(r.get(column).asMap().values());
                }
                for (Object u : refs) {
                    String refTable = type.key().refTable() != null ? type.key().refTable() : type.value().refTable();
                    LinkedHashMap<Uuid, Row> t = tables.get(refTable);
                    Row target = t == null ? null : t.get((Uuid) u);
                    if (target != null && reachable.add(target.uuid())) {
                        todo.add(target);
                    }
                }
            });
        }
        for (LinkedHashMap<Uuid, Row> rows : tables.values()) {
            rows.values().removeIf(r -> !reachable.contains(r.uuid()));
        }
    }

    private void checkIndexes() {
        for (String t : tables.keySet()) {
            String index = schema.table(t).index();
            if (index == null) {
                continue;
            }
            Map<String, Row> seen = new HashMap<>();
            for (Row r : tables.get(t).values()) {
                Row other = seen.put(r.string(index), r);
                if (other != null) {
                    throw new OvsDbException("transaction error: {\"details\":\"Transaction causes multiple rows in \\\""
                            + t + "\\\" table to have identical values (" + AtomText.format(r.string(index))
                            + ") for index on column \\\"" + index + "\\\".\",\"error\":\"constraint violation\"}");
                }
            }
        }
    }

    /**
     * True when ovs-vswitchd's status update after the last committed change was rejected and
     * retried about 100 ms later (see {@link BridgeReconfiguration#publishStatus}): a reader
     * that quick would still see the errors of patch ports without a peer as cleared.
     */
    public boolean statusRetriedAfterLastChange() {
        return vswitchd.statusRetried();
    }

    /** The switch's runtime state (ofport allocation, MACs) behind the columns it writes. */
    BridgeReconfiguration vswitchd() {
        return vswitchd;
    }
}
