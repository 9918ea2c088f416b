package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.net.Clock;
import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowMod;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * One bridge's OpenFlow switch (OVS's ofproto): its ports as configured from the database,
 * tables 0..254, and the MAC learning table NORMAL uses. Flow-mod semantics live in
 * {@link FlowMods}; packet handling lives in the translation package.
 */
public final class Bridge implements PortNames {
    public static final int N_TABLES = 255;

    private final String name;
    private final Clock clock;
    private final FlowTable[] tables = new FlowTable[N_TABLES];
    private final MacTable fdb = new MacTable();
    private final CookieIndex cookies = new CookieIndex();
    /** Rules with an idle or hard timeout (OVS's expirable list), so expiry never scans whole tables. */
    private final java.util.Set<Rule> expirable = new java.util.LinkedHashSet<>();
    /**
     * No expirable rule can expire before this millisecond: the earliest deadline seen when the
     * list was last scanned or a rule added. Hits only postpone deadlines, so it stays a safe
     * lower bound and expiry checks on the packet path are free until then.
     */
    private long earliestDeadline = Long.MAX_VALUE;
    private Map<Integer, BridgePort> ports = Map.of();
    private Map<String, BridgePort> portsByName = Map.of();
    private String failMode;
    private boolean hasControllers;
    private boolean configured;

    public Bridge(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
        for (FlowMod internal : InternalRules.all()) {
            install(new Rule(internal, clock.nanos()));
        }
    }

    public String name() {
        return name;
    }

    public Clock clock() {
        return clock;
    }

    public MacTable fdb() {
        return fdb;
    }

    /** Table {@code id}, created on first use. */
    public FlowTable table(int id) {
        FlowTable t = tables[id];
        if (t == null) {
            t = new FlowTable(id);
            tables[id] = t;
        }
        return t;
    }

    /** Table {@code id} if it holds anything, else null (lookups on empty tables miss). */
    public FlowTable tableOrNull(int id) {
        return tables[id];
    }

    /** Tables that exist, in ascending order. */
    public List<FlowTable> tables() {
        List<FlowTable> list = new ArrayList<>();
        for (FlowTable t : tables) {
            if (t != null) {
                list.add(t);
            }
        }
        return list;
    }

    public int flowCount() {
        int n = 0;
        for (FlowTable t : tables) {
            if (t != null) {
                n += t.size();
            }
        }
        return n;
    }

    /** Ports by OpenFlow number, ascending (LOCAL = 65534 last). */
    public Collection<BridgePort> ports() {
        return ports.values();
    }

    public BridgePort port(int ofport) {
        return ports.get(ofport);
    }

    public BridgePort port(String portName) {
        return portsByName.get(portName);
    }

    public String failMode() {
        return failMode;
    }

    public boolean isSecure() {
        return "secure".equals(failMode);
    }

    @Override
    public OptionalInt number(String portName) {
        BridgePort p = portsByName.get(portName);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p.ofport());
    }

    @Override
    public String name(int ofport) {
        BridgePort p = ports.get(ofport);
        return p == null ? null : p.name();
    }

    /**
     * Applies the database's view of this bridge, as ovs-vswitchd does on reconfiguration:
     * the port set, the fail mode and whether controllers are configured. A change of fail
     * mode or controllers flushes every flow; afterwards a standalone bridge without a
     * controller gets {@code priority=0 actions=NORMAL} (ovs.md §3.1, checked against OVS 3.1).
     */
    public void configure(List<BridgePort> newPorts, String newFailMode, boolean controllers) {
        Map<Integer, BridgePort> byNumber = new TreeMap<>();
        Map<String, BridgePort> byName = new HashMap<>();
        for (BridgePort p : newPorts) {
            byNumber.put(p.ofport(), p);
            byName.put(p.name(), p);
        }
        for (Integer gone : ports.keySet()) {
            if (!byNumber.containsKey(gone)) {
                fdb.forgetPort(gone);
            }
        }
        ports = Collections.unmodifiableMap(byNumber);
        portsByName = Collections.unmodifiableMap(byName);
        String mode = "secure".equals(newFailMode) ? "secure" : "standalone";
        boolean modeChanged = configured && (!mode.equals(failMode) || controllers != hasControllers);
        boolean first = !configured;
        failMode = mode;
        hasControllers = controllers;
        configured = true;
        if (modeChanged) {
            flushFlows();
        }
        if ((first || modeChanged) && !isSecure() && !controllers) {
            addFailOpenFlow();
        }
    }

    private void addFailOpenFlow() {
        FlowMod normal = new FlowMod(0, 0, 0, 0, 0, 0, Set.of(), Match.CATCH_ALL,
                List.of(Action.Output.to(OfPort.NORMAL)), Protocol.OPENFLOW10);
        install(new Rule(normal, clock.nanos()));
    }

    /**
     * Removes every flow from every table except the read-only internal table 254, as OVS's
     * flush does.
     */
    public void flushFlows() {
        for (int i = 0; i < InternalRules.TABLE; i++) {
            if (tables[i] != null) {
                for (Rule r : tables[i].rules()) {
                    cookies.remove(r);
                    expirable.remove(r);
                }
                tables[i] = null;
            }
        }
    }

    /** Puts a rule into its table and the cookie index, replacing one with the same match and priority. */
    void install(Rule rule) {
        Rule replaced = table(rule.table()).insert(rule);
        if (replaced != null) {
            cookies.remove(replaced);
            expirable.remove(replaced);
        }
        cookies.insert(rule);
        if (rule.mod().idleTimeout() != 0 || rule.mod().hardTimeout() != 0) {
            expirable.add(rule);
            earliestDeadline = Math.min(earliestDeadline, rule.deadlineMillis());
        }
    }

    /** Takes a rule out of its table and the cookie index. */
    void uninstall(Rule rule) {
        FlowTable t = tables[rule.table()];
        if (t != null && t.remove(rule)) {
            cookies.remove(rule);
            expirable.remove(rule);
        }
    }

    CookieIndex cookies() {
        return cookies;
    }

    /**
     * Removes flows whose idle or hard timeout has run out; returns them. Only rules installed
     * through {@link FlowMods} (or {@link #install}) are tracked for expiry.
     */
    public List<Rule> expire() {
        long now = clock.nanos();
        if (expirable.isEmpty() || now / 1_000_000 <= earliestDeadline) {
            return List.of();
        }
        List<Rule> gone = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        for (Rule r : expirable) {
            if (r.expired(now)) {
                gone.add(r);
            } else {
                earliest = Math.min(earliest, r.deadlineMillis());
            }
        }
        earliestDeadline = earliest;
        for (Rule r : gone) {
            uninstall(r);
        }
        return gone;
    }

}
