package dev.packetwalk.cloud.agent.iptables;

import dev.packetwalk.linux.netfilter.Chain;
import dev.packetwalk.linux.netfilter.MatchEnv;
import dev.packetwalk.linux.netfilter.Rule;
import dev.packetwalk.linux.netfilter.Table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What applying a manager does to one table (iptables_manager's _modify_rules and the
 * {@code iptables-restore -n} that follows): the manager's chains exist, each chain holds the
 * manager's rules for it (those marked top first, then the others, in the order added)
 * followed by the rules other agents put there, a duplicate keeping its last place; the
 * manager's rules from earlier applies and chains carrying its wrap name that it no longer
 * owns go. Rules that stay keep their counters.
 */
final class TableRewrite {
    private final Table draft;
    private final ManagedTable managed;
    private final MatchEnv env;
    private boolean changed;

    private TableRewrite(Table draft, ManagedTable managed, MatchEnv env) {
        this.draft = draft;
        this.managed = managed;
        this.env = env;
    }

    /** Rewrites {@code draft} to what {@code managed} wants; true when anything changed. */
    static boolean rewrite(Table draft, ManagedTable managed, MatchEnv env) {
        TableRewrite r = new TableRewrite(draft, managed, env);
        r.run();
        return r.changed;
    }

    private void run() {
        Set<String> ours = new HashSet<>(managed.chainNames());
        for (String chain : ours) {
            if (!draft.hasChain(chain)) {
                draft.newChain(chain);
                changed = true;
            }
        }
        Map<String, List<Rule>> wanted = wantedRules();
        for (String chain : wanted.keySet()) {
            if (!draft.hasChain(chain)) {
                throw new IllegalStateException("rules for chain " + chain + ", which table " + draft.name()
                        + " does not have");
            }
        }
        String mark = managed.wrap().binary();
        List<String> stale = new ArrayList<>();
        for (Chain chain : draft.chains()) {
            List<Rule> mine = wanted.getOrDefault(chain.name(), List.of());
            List<Rule> desired = new ArrayList<>(mine);
            if (chain.name().contains(mark)) {
                if (!ours.contains(chain.name())) {
                    stale.add(chain.name());
                }
            } else {
                Set<String> mySpecs = new HashSet<>();
                mine.forEach(r -> mySpecs.add(r.spec()));
                for (Rule r : chain.rules()) {
                    if (!r.spec().contains(mark) && !mySpecs.contains(r.spec())) {
                        desired.add(r);
                    }
                }
            }
            replace(chain, withoutEarlierDuplicates(desired));
        }
        for (String chain : stale) {
            draft.deleteChain(chain);
            changed = true;
        }
    }

    /** The manager's rules built for the draft, by chain: top rules first, in the order added. */
    private Map<String, List<Rule>> wantedRules() {
        Map<String, List<Rule>> byChain = new LinkedHashMap<>();
        for (boolean top : new boolean[] {true, false}) {
            for (ManagedRule r : managed.rules()) {
                if (r.top() == top) {
                    byChain.computeIfAbsent(r.fullChain(managed.wrap()), c -> new ArrayList<>())
                            .add(r.rule().build(draft, env));
                }
            }
        }
        return byChain;
    }

    /** Of rules with the same specification, the last one stays (iptables_manager's duplicate weeding). */
    private static List<Rule> withoutEarlierDuplicates(List<Rule> rules) {
        Set<String> seen = new HashSet<>();
        Deque<Rule> kept = new ArrayDeque<>();
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (seen.add(rules.get(i).spec())) {
                kept.addFirst(rules.get(i));
            }
        }
        return new ArrayList<>(kept);
    }

    /** Gives the chain {@code rules}, keeping the existing rule (and its counters) for an unchanged specification. */
    private void replace(Chain chain, List<Rule> rules) {
        List<Rule> current = chain.rules();
        if (specs(current).equals(specs(rules))) {
            return;
        }
        Map<String, Deque<Rule>> existing = new HashMap<>();
        for (Rule r : current) {
            existing.computeIfAbsent(r.spec(), s -> new ArrayDeque<>()).add(r);
        }
        draft.flush(chain.name());
        for (Rule r : rules) {
            Deque<Rule> same = existing.get(r.spec());
            draft.append(chain.name(), same != null && !same.isEmpty() ? same.poll() : r);
        }
        changed = true;
    }

    private static List<String> specs(List<Rule> rules) {
        List<String> out = new ArrayList<>();
        rules.forEach(r -> out.add(r.spec()));
        return out;
    }
}
