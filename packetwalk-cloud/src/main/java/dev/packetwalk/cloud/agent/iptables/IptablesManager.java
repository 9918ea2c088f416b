package dev.packetwalk.cloud.agent.iptables;

import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.netfilter.CommentMatch;
import dev.packetwalk.linux.netfilter.IpSetEnv;
import dev.packetwalk.linux.netfilter.MatchEnv;
import dev.packetwalk.linux.netfilter.Netfilter;
import dev.packetwalk.linux.netfilter.Rule;
import dev.packetwalk.linux.netfilter.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An agent's view of one namespace's IPv4 tables, as Neutron's iptables_manager keeps it:
 * the chains and rules the agent wants, in memory, written into the kernel all at once by
 * {@link #apply} (its iptables-restore). A new manager already holds the skeleton Ocata's
 * {@code IptablesManager.__init__} sets up: the shared {@code neutron-filter-top} at the top
 * of FORWARD and OUTPUT jumping to the wrapped {@code local}, each built-in chain jumping to
 * its wrapped twin, and unless state-less (the firewall's) the nat table's shared
 * {@code neutron-postrouting-bottom} last in POSTROUTING jumping to {@code snat}, which jumps
 * to {@code float-snat}, and mangle PREROUTING's jump to {@code mark}.
 */
public final class IptablesManager {
    /** The shared chain at the top of filter FORWARD and OUTPUT. */
    public static final String FILTER_TOP = "neutron-filter-top";
    /** The shared chain last in nat POSTROUTING. */
    public static final String POSTROUTING_BOTTOM = "neutron-postrouting-bottom";

    private final Namespace ns;
    private final Map<String, ManagedTable> tables = new TreeMap<>();

    private IptablesManager(Namespace ns, WrapName wrap, boolean stateLess) {
        this.ns = ns;
        Map<String, List<String>> builtins = new TreeMap<>();
        builtins.put("filter", List.of("INPUT", "OUTPUT", "FORWARD"));
        if (!stateLess) {
            builtins.put("mangle", List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"));
            builtins.put("nat", List.of("PREROUTING", "OUTPUT", "POSTROUTING"));
        }
        builtins.put("raw", List.of("PREROUTING", "OUTPUT"));
        builtins.keySet().forEach(t -> tables.put(t, new ManagedTable(t, wrap)));
        filterTop(filter());
        builtins.forEach((table, chains) -> {
            ManagedTable t = tables.get(table);
            for (String chain : chains) {
                t.addChain(chain);
                t.addUnwrappedRule(chain, Rule.builder().jump(t.wrapped(chain)));
            }
        });
        if (!stateLess) {
            postroutingBottom(nat());
            mangle().addChain("mark");
            mangle().addRule("PREROUTING", Rule.builder().jump(mangle().wrapped("mark")));
        }
    }

    /** A manager of all four tables (the L3 and DHCP agents'). */
    public static IptablesManager create(Namespace ns, WrapName wrap) {
        return new IptablesManager(ns, wrap, false);
    }

    /** A state-less manager: filter and raw only (the firewall driver's). */
    public static IptablesManager stateless(Namespace ns, WrapName wrap) {
        return new IptablesManager(ns, wrap, true);
    }

    private static void filterTop(ManagedTable filter) {
        filter.addUnwrappedChain(FILTER_TOP);
        filter.addUnwrappedTopRule("FORWARD", Rule.builder().jump(FILTER_TOP));
        filter.addUnwrappedTopRule("OUTPUT", Rule.builder().jump(FILTER_TOP));
        filter.addChain("local");
        filter.addUnwrappedRule(FILTER_TOP, Rule.builder().jump(filter.wrapped("local")));
    }

    private static void postroutingBottom(ManagedTable nat) {
        nat.addUnwrappedChain(POSTROUTING_BOTTOM);
        nat.addUnwrappedRule("POSTROUTING", Rule.builder().jump(POSTROUTING_BOTTOM));
        nat.addChain("snat");
        nat.addUnwrappedRule(POSTROUTING_BOTTOM,
                Rule.builder().match(CommentMatch.of(RuleComments.SNAT_OUT)).jump(nat.wrapped("snat")));
        nat.addChain("float-snat");
        nat.addRule("snat", Rule.builder().jump(nat.wrapped("float-snat")));
    }

    /** The table called {@code name}; a state-less manager has no mangle or nat. */
    public ManagedTable table(String name) {
        ManagedTable t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("this manager has no " + name + " table");
        }
        return t;
    }

    public ManagedTable filter() {
        return table("filter");
    }

    public ManagedTable nat() {
        return table("nat");
    }

    public ManagedTable mangle() {
        return table("mangle");
    }

    public ManagedTable raw() {
        return table("raw");
    }

    public Namespace namespace() {
        return ns;
    }

    /** Writes every table whose kernel state differs from what the manager wants, all at once. */
    public void apply() {
        Netfilter nf = ns.netfilter();
        MatchEnv env = new IpSetEnv(ns.ipsets());
        List<Table> drafts = new ArrayList<>();
        for (ManagedTable t : tables.values()) {
            Table draft = nf.draft(t.name());
            if (TableRewrite.rewrite(draft, t, env)) {
                drafts.add(draft);
            }
        }
        nf.commit(drafts);
    }
}
