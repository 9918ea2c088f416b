package dev.packetwalk.linux.netfilter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The netfilter tables of one network namespace. */
public final class Netfilter {
    /** The tables in the order iptables-save (nf_tables) prints them. */
    public static final List<String> SAVE_ORDER = List.of("mangle", "raw", "filter", "nat");

    private final Map<String, Table> tables = new LinkedHashMap<>();

    public Netfilter() {
        tables.put("raw", new Table("raw", List.of("PREROUTING", "OUTPUT")));
        tables.put("mangle", new Table("mangle", List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT",
                "POSTROUTING")));
        tables.put("nat", new Table("nat", List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING")));
        tables.put("filter", new Table("filter", List.of("INPUT", "FORWARD", "OUTPUT")));
    }

    /** The table called {@code name}; an unknown name is the real tool's error (status 3). */
    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw NetfilterException.versioned("table '" + name + "' does not exist\n"
                    + "Perhaps iptables or your kernel needs to be upgraded.", 3);
        }
        return t;
    }

    /** The tables that exist, in iptables-save order. */
    public List<Table> existing() {
        List<Table> list = new ArrayList<>();
        for (String n : SAVE_ORDER) {
            if (tables.get(n).exists()) {
                list.add(tables.get(n));
            }
        }
        return list;
    }

    /**
     * A deep copy of one table (rules keep their counters), to be changed with the table's own
     * operations while packets still see the old one, then {@link #commit committed}.
     */
    public Table draft(String name) {
        return table(name).copy();
    }

    /**
     * Installs drafts in place of their tables, all at once, as iptables-restore's COMMIT does:
     * a packet sees either every old table or every new one.
     *
     * <pre>{@code
     * Table nat = nf.draft("nat");
     * nat.reset();
     * nat.newChain("neutron-l3-agent-snat");
     * nat.append("neutron-l3-agent-snat", Rule.builder().outInterface("qg-cf54d3ea-6a")
     *         .target(NatTarget.snat(Ipv4.parse("172.24.4.3"))).build(nat, env));
     * nf.commit(List.of(nat));
     * }</pre>
     */
    public void commit(Collection<Table> drafts) {
        for (Table d : drafts) {
            Table live = table(d.name());
            if (live != d) {
                live.replaceWith(d);
            }
        }
    }

    /**
     * True when the namespace needs connection tracking: conntrack is registered per namespace
     * only while a rule uses it (NAT, state/conntrack matches, CT, CONNMARK).
     */
    public boolean usesConntrack() {
        if (table("nat").exists() && !table("nat").chains().isEmpty()) {
            for (Chain c : table("nat").chains()) {
                if (!c.rules().isEmpty()) {
                    return true;
                }
            }
        }
        for (Table t : tables.values()) {
            for (Chain c : t.chains()) {
                for (Rule r : c.rules()) {
                    if (r.target() instanceof CtTarget || r.target() instanceof ConnmarkTarget
                            || r.target() instanceof NatTarget) {
                        return true;
                    }
                    for (Match m : r.matches()) {
                        if (m instanceof StateMatch) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** How many rules in all tables use the ipset {@code set} (ipset's "References:"). */
    public int setReferences(String set) {
        int n = 0;
        for (Table t : tables.values()) {
            for (Chain c : t.chains()) {
                for (Rule r : c.rules()) {
                    for (Match m : r.matches()) {
                        if (m instanceof SetMatch sm && sm.set().equals(set)) {
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }
}
