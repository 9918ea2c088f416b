package dev.packetwalk.linux.netfilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One netfilter table (raw, mangle, nat, filter): its built-in chains in hook order and its
 * user chains in byte order, with the operations iptables performs on them. A table exists in
 * the kernel (and in iptables-save) only once something changed it, as with nf_tables.
 */
public final class Table {
    private final String name;
    private final Map<String, Chain> builtins = new LinkedHashMap<>();
    private final TreeMap<String, Chain> users = new TreeMap<>();
    private boolean exists;

    Table(String name, List<String> builtinChains) {
        this.name = name;
        for (String c : builtinChains) {
            builtins.put(c, new Chain(c, true));
        }
    }

    public String name() {
        return name;
    }

    public boolean exists() {
        return exists;
    }

    void touch() {
        exists = true;
        builtins.values().forEach(Chain::invalidate);
        users.values().forEach(Chain::invalidate);
    }

    /** Built-in chains first (hook order), then user chains in byte-wise order. */
    public List<Chain> chains() {
        List<Chain> all = new ArrayList<>(builtins.values());
        all.addAll(users.values());
        return all;
    }

    /** The chain called {@code chain}, or null. */
    public Chain chain(String chain) {
        Chain c = builtins.get(chain);
        return c != null ? c : users.get(chain);
    }

    public boolean hasChain(String chain) {
        return chain(chain) != null;
    }

    private Chain existing(String chain) {
        Chain c = chain(chain);
        if (c == null) {
            throw NetfilterException.refused("No chain/target/match by that name.");
        }
        return c;
    }

    /** How many rules of this table jump or go to {@code chain}. */
    public int references(String chain) {
        int n = 0;
        for (Chain c : chains()) {
            for (Rule r : c.rules()) {
                if (r.target() instanceof JumpTarget j && j.chain().equals(chain)) {
                    n++;
                }
            }
        }
        return n;
    }

    private void checkTarget(Rule rule, String op, String chain) {
        Target t = rule.target();
        if (t instanceof JumpTarget j && !hasChain(j.chain())) {
            throw NetfilterException.parameter("Chain '" + j.chain() + "' does not exist");
        }
        if (t != null && t.table() != null && !t.table().equals(name)) {
            throw NetfilterException.versioned(" " + op + " failed (Invalid argument): rule in chain "
                    + chain, 4);
        }
    }

    public void append(String chain, Rule rule) {
        Chain c = existing(chain);
        checkTarget(rule, "RULE_APPEND", chain);
        c.rules().add(rule);
        touch();
    }

    /** Inserts at 1-based {@code position}. */
    public void insert(String chain, int position, Rule rule) {
        Chain c = existing(chain);
        if (position < 1 || position > c.rules().size() + 1) {
            throw NetfilterException.refused("Index of insertion too big.");
        }
        checkTarget(rule, "RULE_INSERT", chain);
        c.rules().add(position - 1, rule);
        touch();
    }

    public void replace(String chain, int position, Rule rule) {
        Chain c = existing(chain);
        if (position < 1 || position > c.rules().size()) {
            throw NetfilterException.refused("Index of replacement too big.");
        }
        checkTarget(rule, "RULE_REPLACE", chain);
        c.rules().set(position - 1, rule);
        touch();
    }

    public void delete(String chain, int position) {
        Chain c = existing(chain);
        if (position < 1 || position > c.rules().size()) {
            throw NetfilterException.refused("Index of deletion too big.");
        }
        c.rules().remove(position - 1);
        touch();
    }

    /** Deletes the first rule with the same specification. */
    public void delete(String chain, Rule rule) {
        int i = find(chain, rule);
        if (i < 0) {
            throw NetfilterException.refused("Bad rule (does a matching rule exist in that chain?).");
        }
        chain(chain).rules().remove(i);
        touch();
    }

    /** The index of the first rule with the same specification, or -1. */
    public int find(String chain, Rule rule) {
        List<Rule> rules = existing(chain).rules();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).spec().equals(rule.spec())) {
                return i;
            }
        }
        return -1;
    }

    public void newChain(String chain) {
        if (chain.length() > 28) {
            throw NetfilterException.parameter("chain name `" + chain + "' too long (must be under 29 chars)");
        }
        if (hasChain(chain)) {
            throw NetfilterException.refused("Chain already exists.");
        }
        users.put(chain, new Chain(chain, false));
        touch();
    }

    /** Deletes a user chain, or with null every user chain that is empty and unreferenced. */
    public void deleteChain(String chain) {
        if (chain == null) {
            for (Chain c : new ArrayList<>(users.values())) {
                if (c.rules().isEmpty() && references(c.name()) == 0) {
                    users.remove(c.name());
                }
            }
            touch();
            return;
        }
        Chain c = existing(chain);
        if (c.builtin()) {
            throw NetfilterException.refused("Directory not empty.");
        }
        if (!c.rules().isEmpty() || references(chain) > 0) {
            throw NetfilterException.versioned(" CHAIN_DEL failed (Device or resource busy): chain " + chain, 4);
        }
        users.remove(chain);
        touch();
    }

    /** Flushes one chain, or every chain with null. */
    public void flush(String chain) {
        if (chain == null) {
            chains().forEach(c -> c.rules().clear());
        } else {
            existing(chain).rules().clear();
        }
        touch();
    }

    /** Zeroes the counters of one chain (and its policy), or of all chains with null. */
    public void zero(String chain) {
        for (Chain c : chain == null ? chains() : List.of(existing(chain))) {
            c.setCounters(0, 0);
            c.rules().forEach(r -> r.setCounters(0, 0));
        }
    }

    public void policy(String chain, String policy) {
        Chain c = chain(chain);
        if (c == null || !c.builtin()) {
            throw NetfilterException.refused("Bad built-in chain name.");
        }
        if (!policy.equals("ACCEPT") && !policy.equals("DROP")) {
            throw NetfilterException.refused("Bad policy name. Run `dmesg' for more information.");
        }
        c.policy(policy);
        c.setCounters(0, 0);
        c.counting(true);
        touch();
    }

    /**
     * Empties the table as iptables-restore does before a table's lines (without --noflush):
     * no rules, no user chains, policies ACCEPT, counters zero.
     */
    public void reset() {
        users.clear();
        for (Chain c : builtins.values()) {
            c.rules().clear();
            c.policy("ACCEPT");
            c.setCounters(0, 0);
            c.counting(false);
        }
        touch();
    }

    Table copy() {
        Table t = new Table(name, List.of());
        builtins.forEach((k, v) -> t.builtins.put(k, v.copy()));
        users.forEach((k, v) -> t.users.put(k, v.copy()));
        t.exists = exists;
        return t;
    }

    void replaceWith(Table other) {
        builtins.clear();
        builtins.putAll(other.builtins);
        users.clear();
        users.putAll(other.users);
        exists = other.exists;
    }
}
