package dev.packetwalk.cloud.agent.iptables;

import dev.packetwalk.linux.netfilter.RuleBuilder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One table as an agent's iptables manager holds it in memory (iptables_manager's
 * IptablesTable): the chains it owns, wrapped with its binary name or shared under their own
 * name, and its rules in the order they were added. Nothing reaches the kernel before the
 * manager applies.
 */
public final class ManagedTable {
    private final String name;
    private final WrapName wrap;
    private final Set<String> chains = new LinkedHashSet<>();
    private final Set<String> unwrappedChains = new LinkedHashSet<>();
    private final List<ManagedRule> rules = new ArrayList<>();

    ManagedTable(String name, WrapName wrap) {
        this.name = name;
        this.wrap = wrap;
    }

    public String name() {
        return name;
    }

    /** Adds a chain named {@code <binary>-<chain>} (the name cut to 11 characters). */
    public void addChain(String chain) {
        chains.add(WrapName.cut(chain, true));
    }

    /** Adds a chain under its own name, shared by every agent ({@code neutron-filter-top}). */
    public void addUnwrappedChain(String chain) {
        unwrappedChains.add(WrapName.cut(chain, false));
    }

    /** The kernel name of this manager's wrapped chain {@code chain}, for jumps to it. */
    public String wrapped(String chain) {
        return wrap.chain(chain);
    }

    /** Appends a rule to the wrapped chain {@code chain}, which must have been added. */
    public void addRule(String chain, RuleBuilder rule) {
        String cut = WrapName.cut(chain, true);
        if (!chains.contains(cut)) {
            throw new IllegalArgumentException("Unknown chain: '" + cut + "' in table " + name);
        }
        rules.add(new ManagedRule(cut, true, false, rule));
    }

    /** Appends a rule to a chain named as given (a built-in chain or a shared one). */
    public void addUnwrappedRule(String chain, RuleBuilder rule) {
        rules.add(new ManagedRule(WrapName.cut(chain, false), false, false, rule));
    }

    /** A rule for a chain named as given that goes before this manager's other rules there. */
    public void addUnwrappedTopRule(String chain, RuleBuilder rule) {
        rules.add(new ManagedRule(WrapName.cut(chain, false), false, true, rule));
    }

    /** Removes every rule of the wrapped chain {@code chain} (empty_chain). */
    public void emptyChain(String chain) {
        String cut = WrapName.cut(chain, true);
        rules.removeIf(r -> r.wrapped() && r.chain().equals(cut));
    }

    /** The kernel names of the chains this table owns: wrapped ones, then shared ones. */
    List<String> chainNames() {
        List<String> all = new ArrayList<>();
        chains.forEach(c -> all.add(wrap.chain(c)));
        all.addAll(unwrappedChains);
        return all;
    }

    List<ManagedRule> rules() {
        return Collections.unmodifiableList(rules);
    }

    WrapName wrap() {
        return wrap;
    }
}
