package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.classifier.Classifier;
import dev.packetwalk.ovs.classifier.Entry;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Match;

import java.util.List;
import java.util.function.Predicate;

/**
 * One OpenFlow table (0..254) of a bridge. Ordinary rules live in one classifier; rules whose
 * actions are {@code conjunction(...)} live in a second one, consulted only when conjunctive
 * matching is needed, so the common lookup stays a single classifier search.
 */
public final class FlowTable {
    private final int id;
    private final Classifier<Rule> rules = new Classifier<>();
    private final Classifier<Rule> conjunctive = new Classifier<>();
    private long lookups;
    private long matches;

    public FlowTable(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public int size() {
        return rules.size() + conjunctive.size();
    }

    static boolean isConjunctive(List<Action> actions) {
        boolean any = false;
        for (Action a : actions) {
            if (a instanceof Action.Conjunction) {
                any = true;
            } else if (!(a instanceof Action.Note)) {
                return false;
            }
        }
        return any;
    }

    private Classifier<Rule> home(Rule rule) {
        return isConjunctive(rule.mod().actions()) ? conjunctive : rules;
    }

    /** Inserts, replacing (and returning) a rule with the same match and priority. */
    public Rule insert(Rule rule) {
        Rule replaced = find(rule.mod().match(), rule.priority());
        if (replaced != null) {
            home(replaced).remove(replaced.mod().match(), replaced.priority());
        }
        home(rule).insert(rule.mod().match(), rule.priority(), rule);
        return replaced;
    }

    public Rule find(Match match, int priority) {
        Entry<Rule> e = rules.find(match, priority);
        if (e == null) {
            e = conjunctive.find(match, priority);
        }
        return e == null ? null : e.value();
    }

    public boolean remove(Rule rule) {
        return home(rule).remove(rule.mod().match(), rule.priority()) != null;
    }

    /** The best non-conjunctive rule for the flow, or null. */
    public Rule lookup(Flow flow) {
        Entry<Rule> e = rules.lookup(flow);
        return e == null ? null : e.value();
    }

    /** Counts one live lookup in this table for {@code dump-tables} ({@code hit}: a rule matched). */
    public void countLookup(boolean hit) {
        lookups++;
        if (hit) {
            matches++;
        }
    }

    /** Live lookups so far ({@code lookup=} of dump-tables). */
    public long lookupCount() {
        return lookups;
    }

    /** Live lookups that matched a rule ({@code matched=} of dump-tables). */
    public long matchedCount() {
        return matches;
    }

    /** {@link #lookup(Flow)} that also collects the megaflow bits the search looked at into {@code wc}. */
    public Rule lookup(Flow flow, Flow wc) {
        Entry<Rule> e = rules.lookup(flow, wc);
        return e == null ? null : e.value();
    }

    public boolean hasConjunctions() {
        return !conjunctive.isEmpty();
    }

    /** Every conjunctive rule matching the flow, highest priority first. */
    public List<Entry<Rule>> conjunctiveMatches(Flow flow) {
        return conjunctive.lookupAll(flow);
    }

    /** {@link #conjunctiveMatches(Flow)} above {@code floor}, collecting the megaflow bits into {@code wc}. */
    public List<Entry<Rule>> conjunctiveMatches(Flow flow, Flow wc, int floor) {
        return conjunctive.lookupAll(flow, wc, floor);
    }

    /** All rules in OVS's dump order (subtables by decreasing max priority). */
    public List<Rule> rules() {
        List<Entry<Rule>> a = rules.entries();
        List<Entry<Rule>> b = conjunctive.entries();
        java.util.ArrayList<Rule> all = new java.util.ArrayList<>(a.size() + b.size());
        for (Entry<Rule> e : a) {
            all.add(e.value());
        }
        for (Entry<Rule> e : b) {
            all.add(e.value());
        }
        return all;
    }

    public List<Rule> removeIf(Predicate<Rule> doomed) {
        List<Rule> removed = new java.util.ArrayList<>(rules.removeIf(e -> doomed.test(e.value())));
        removed.addAll(conjunctive.removeIf(e -> doomed.test(e.value())));
        return removed;
    }
}
