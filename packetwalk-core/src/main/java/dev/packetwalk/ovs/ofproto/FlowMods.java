package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.flowmod.FlowChange;
import dev.packetwalk.ovs.flowmod.FlowFilter;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.flowmod.FlowModFlag;
import dev.packetwalk.ovs.flowmod.FlowModify;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenFlow flow-mod semantics on a bridge, as OVS 3.1's ofproto implements them: add (replacing
 * a rule with the same match and priority), modify (loose or strict, possibly adding), delete,
 * and the selection that dumps use. Expired rules are removed before anything is looked at.
 * On error nothing changes.
 */
public final class FlowMods {
    private FlowMods() {
    }

    /**
     * Adds a flow. A rule with the same match and priority in the table is replaced: the new
     * one gets the new actions, timeouts, flags and cookie and a fresh duration; it keeps the
     * old rule's last-used time, and its counters unless the flow mod has {@code reset_counts}
     * (which every OpenFlow 1.0 add has).
     *
     * @throws OpenFlowError OFPBRC_EPERM for table 254, OFPFMFC_OVERLAP for check_overlap
     */
    public static Rule add(Bridge bridge, FlowMod mod) {
        if (mod.table() == InternalRules.TABLE) {
            throw new OpenFlowError("OFPBRC_EPERM");
        }
        bridge.expire();
        FlowTable table = bridge.table(mod.table());
        Rule old = table.find(mod.match(), mod.priority());
        if (old == null && mod.flags().contains(FlowModFlag.CHECK_OVERLAP) && overlaps(table, mod)) {
            throw new OpenFlowError("OFPFMFC_OVERLAP");
        }
        long now = bridge.clock().nanos();
        Rule rule = new Rule(mod, now, now, old, !mod.flags().contains(FlowModFlag.RESET_COUNTS));
        if (old != null) {
            bridge.uninstall(old);
        }
        bridge.install(rule);
        return rule;
    }

    /**
     * Adds flows in order, as a controller or {@code ovs-ofctl add-flows} sends them one by one
     * (without a bundle): the first refused one stops the batch, the ones before it stay.
     *
     * @throws OpenFlowError whose {@link OpenFlowError#index()} is the refused flow's position
     */
    public static void addAll(Bridge bridge, List<FlowMod> mods) {
        inOrder(mods, mod -> add(bridge, mod));
    }

    /**
     * Applies adds, modifies and deletes in order, as {@code ovs-ofctl add-flows} sends a file's
     * flow mods one by one: the first refused one stops the batch, the ones before it stay.
     *
     * @throws OpenFlowError whose {@link OpenFlowError#index()} is the refused change's position
     */
    public static void applyAll(Bridge bridge, List<? extends FlowChange> changes) {
        inOrder(changes, change -> apply(bridge, change));
    }

    /** Sends each flow mod in turn; the first refusal stops the batch and says where it was. */
    private static <T> void inOrder(List<T> batch, java.util.function.Consumer<T> send) {
        for (int i = 0, n = batch.size(); i < n; i++) {
            try {
                send.accept(batch.get(i));
            } catch (OpenFlowError e) {
                throw e.at(i);
            }
        }
    }

    /**
     * Applies one change: {@link #add}, {@link #modify} or {@link #delete}.
     *
     * @return the rules added, changed or deleted
     */
    public static List<Rule> apply(Bridge bridge, FlowChange change) {
        if (change instanceof FlowChange.Add a) {
            return List.of(add(bridge, a.mod()));
        }
        if (change instanceof FlowChange.Modify m) {
            return modify(bridge, m.request());
        }
        return delete(bridge, ((FlowChange.Delete) change).filter());
    }

    /**
     * Modifies the flows {@code request} selects: each gets the template's actions and a
     * restarted hard timer; duration, timeouts, flags and (unless the request sets it) the
     * cookie stay. When nothing is selected and the request may add, the template is added.
     *
     * @return the rules after the change (or the one added)
     * @throws OpenFlowError OFPBRC_EPERM for table 254 or when only read-only rules matched
     */
    public static List<Rule> modify(Bridge bridge, FlowModify request) {
        FlowMod template = request.template();
        if (request.criteria().table() == InternalRules.TABLE) {
            throw new OpenFlowError("OFPBRC_EPERM");
        }
        bridge.expire();
        List<Rule> olds = collect(bridge, request.criteria(), false);
        if (olds.isEmpty()) {
            return request.mayAdd() ? List.of(add(bridge, template)) : List.of();
        }
        long now = bridge.clock().nanos();
        boolean keepCounts = !template.flags().contains(FlowModFlag.RESET_COUNTS);
        List<Rule> news = new ArrayList<>(olds.size());
        for (Rule old : olds) {
            FlowMod o = old.mod();
            long cookie = request.setsCookie() && template.cookie() != -1L ? template.cookie() : o.cookie();
            FlowMod changed = new FlowMod(o.table(), o.priority(), cookie, o.idleTimeout(), o.hardTimeout(),
                    o.importance(), o.flags(), o.match(), template.actions(), template.protocol());
            Rule rule = new Rule(changed, old.createdNanos(), now, old, keepCounts);
            bridge.uninstall(old);
            bridge.install(rule);
            news.add(rule);
        }
        return news;
    }

    /**
     * Installs the flow a {@code learn} action built, as OVS's learn does: a strict modify that
     * may add. An existing rule with the same table, match and priority gets the new actions and
     * the learn's cookie and restarts its hard timer; it keeps its duration, timeouts, flags,
     * counters and last-used time. Otherwise the flow is added. Either way it is tracked for
     * timeouts and in the cookie index like any other flow.
     *
     * @return the installed rule
     */
    public static Rule learn(Bridge bridge, FlowMod learned) {
        bridge.expire();
        Rule old = bridge.table(learned.table()).find(learned.match(), learned.priority());
        if (old == null) {
            return add(bridge, learned);
        }
        FlowMod o = old.mod();
        FlowMod changed = new FlowMod(o.table(), o.priority(), learned.cookie(), o.idleTimeout(), o.hardTimeout(),
                o.importance(), o.flags(), o.match(), learned.actions(), o.protocol());
        Rule rule = new Rule(changed, old.createdNanos(), bridge.clock().nanos(), old, true);
        bridge.uninstall(old);
        bridge.install(rule);
        return rule;
    }

    /**
     * Deletes the flows the filter selects (loose, or strict with the priority).
     *
     * @return the deleted rules
     * @throws OpenFlowError OFPBRC_EPERM when only read-only rules matched
     */
    public static List<Rule> delete(Bridge bridge, FlowFilter filter) {
        bridge.expire();
        List<Rule> doomed = collect(bridge, filter, false);
        for (Rule r : doomed) {
            bridge.uninstall(r);
        }
        return doomed;
    }

    /**
     * The flows a dump shows for the filter, in OVS's order: by cookie index for an exact
     * cookie ({@code cookie=V/-1}, internal rules included), else table by table (table 254
     * only when asked for), each in classifier order.
     */
    public static List<Rule> select(Bridge bridge, FlowFilter filter) {
        bridge.expire();
        return collect(bridge, filter, true);
    }

    private static List<Rule> collect(Bridge bridge, FlowFilter filter, boolean includeReadOnly) {
        List<Rule> out = new ArrayList<>();
        int readOnly = 0;
        for (Rule r : candidates(bridge, filter)) {
            if (!filter.tableMatches(r.table()) || !filter.cookieMatches(r.cookie()) || !outputsTo(r, filter.outPort())
                    || !selects(filter, r)) {
                continue;
            }
            if (r.table() == InternalRules.TABLE && !includeReadOnly) {
                readOnly++;
            } else {
                out.add(r);
            }
        }
        if (out.isEmpty() && readOnly > 0) {
            throw new OpenFlowError("OFPBRC_EPERM");
        }
        return out;
    }

    private static List<Rule> candidates(Bridge bridge, FlowFilter filter) {
        if (filter.cookieMask() == -1L) {
            List<Rule> live = new ArrayList<>();
            for (Rule r : bridge.cookies().withCookie(filter.cookie())) {
                FlowTable t = bridge.tableOrNull(r.table());
                if (t != null && t.find(r.mod().match(), r.priority()) == r) {
                    live.add(r);
                }
            }
            return live;
        }
        if (filter.table() != FlowFilter.ALL_TABLES) {
            FlowTable t = bridge.tableOrNull(filter.table());
            return t == null ? List.of() : t.rules();
        }
        List<Rule> all = new ArrayList<>();
        for (FlowTable t : bridge.tables()) {
            if (t.id() != InternalRules.TABLE) {
                all.addAll(t.rules());
            }
        }
        return all;
    }

    private static boolean selects(FlowFilter filter, Rule r) {
        if (filter.strict()) {
            return r.priority() == filter.priority() && r.mod().match().equals(filter.match());
        }
        return r.mod().match().isSubsetOf(filter.match());
    }

    /** OVS's out_port criterion: an output, enqueue or controller action to that port. */
    private static boolean outputsTo(Rule r, int port) {
        if (port == FlowFilter.ANY_PORT) {
            return true;
        }
        for (Action a : r.mod().actions()) {
            if (a instanceof Action.Output o && o.port() == port
                    || a instanceof Action.Enqueue e && e.port() == port
                    || a instanceof Action.Controller && port == OfPort.CONTROLLER) {
                return true;
            }
        }
        return false;
    }

    /** True when some packet could match both the new flow and a rule of equal priority. */
    private static boolean overlaps(FlowTable table, FlowMod mod) {
        long[] v = mod.match().valueWords();
        long[] m = mod.match().maskWords();
        for (Rule r : table.rules()) {
            if (r.priority() != mod.priority()) {
                continue;
            }
            boolean disjoint = false;
            for (int i = 0; i < v.length && !disjoint; i++) {
                long both = m[i] & r.mod().match().mask(i);
                disjoint = ((v[i] ^ r.mod().match().value(i)) & both) != 0;
            }
            if (!disjoint) {
                return true;
            }
        }
        return false;
    }
}
