package dev.packetwalk.ovs.classifier;

import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An OpenFlow table's classifier in the style of OVS: tuple space search, one {@link Subtable}
 * per distinct mask, searched in decreasing order of the highest priority each holds (ties:
 * the subtable created first), stopping as soon as no remaining subtable can beat the best
 * match. This reproduces OVS's winner between overlapping rules of equal priority.
 */
public final class Classifier<T> {
    private static final Comparator<Subtable<?>> SEARCH_ORDER =
            Comparator.<Subtable<?>>comparingInt(s -> -s.maxPriority).thenComparingLong(s -> s.order);

    private final Map<Match, Subtable<T>> byMask = new HashMap<>();
    /** Subtables in search order; rebuilt when a max priority changes. */
    private Subtable<T>[] ordered = newArray(0);
    private long nextSubtableOrder;
    private long nextSequence;
    private int size;

    @SuppressWarnings("unchecked")
    private static <T> Subtable<T>[] newArray(int n) {
        return new Subtable[n];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The highest-priority entry that matches the flow, or null. */
    public Entry<T> lookup(Flow flow) {
        Entry<T> best = null;
        for (Subtable<T> s : ordered) {
            if (best != null && s.maxPriority <= best.priority) {
                break;
            }
            Entry<T> e = s.lookup(flow);
            if (e != null && (best == null || e.priority > best.priority)) {
                best = e;
            }
        }
        return best;
    }

    /**
     * {@link #lookup(Flow)} that also ORs into {@code wc} the flow bits OVS's classifier looks
     * at to decide (the megaflow mask): for every subtable searched, its mask up to the lookup
     * stage that ruled it out (prefix tries and the ports trie are not modelled: those stages
     * un-wildcard their whole fields).
     */
    public Entry<T> lookup(Flow flow, Flow wc) {
        Entry<T> best = null;
        for (Subtable<T> s : ordered) {
            if (best != null && s.maxPriority <= best.priority) {
                break;
            }
            Entry<T> e = s.lookup(flow, wc);
            if (e != null && (best == null || e.priority > best.priority)) {
                best = e;
            }
        }
        return best;
    }

    /** Every entry that matches the flow (for conjunctive matches), highest priority first. */
    public List<Entry<T>> lookupAll(Flow flow) {
        List<Entry<T>> found = new ArrayList<>();
        for (Subtable<T> s : ordered) {
            for (Entry<T> e = s.lookup(flow); e != null; e = e.next) {
                found.add(e);
            }
        }
        found.sort(Comparator.comparingInt((Entry<T> e) -> -e.priority));
        return found;
    }

    /**
     * {@link #lookupAll(Flow)} over the subtables that could beat {@code floor}, collecting the
     * bits looked at into {@code wc} as {@link #lookup(Flow, Flow)} does.
     */
    public List<Entry<T>> lookupAll(Flow flow, Flow wc, int floor) {
        List<Entry<T>> found = new ArrayList<>();
        for (Subtable<T> s : ordered) {
            if (s.maxPriority <= floor) {
                break;
            }
            for (Entry<T> e = s.lookup(flow, wc); e != null; e = e.next) {
                found.add(e);
            }
        }
        found.sort(Comparator.comparingInt((Entry<T> e) -> -e.priority));
        return found;
    }

    /** The entry with exactly this match and priority, or null. */
    public Entry<T> find(Match match, int priority) {
        Subtable<T> s = byMask.get(maskKey(match));
        return s == null ? null : s.find(match, priority);
    }

    /**
     * Inserts a value under (match, priority), replacing and returning the value of an entry
     * with the same match and priority (as an OpenFlow add does), or null.
     */
    public T insert(Match match, int priority, T value) {
        Match key = maskKey(match);
        Subtable<T> s = byMask.get(key);
        T replaced = null;
        if (s == null) {
            s = new Subtable<>(match, nextSubtableOrder++);
            byMask.put(key, s);
        } else {
            Entry<T> old = s.find(match, priority);
            if (old != null) {
                replaced = old.value;
                s.remove(old);
                size--;
            }
        }
        int oldMax = s.maxPriority;
        s.insert(new Entry<>(match, priority, value, nextSequence++));
        size++;
        if (replaced != null || oldMax != s.maxPriority || s.size == 1) {
            reorder();
        }
        return replaced;
    }

    /** Removes the entry with exactly this match and priority; returns its value or null. */
    public T remove(Match match, int priority) {
        Match key = maskKey(match);
        Subtable<T> s = byMask.get(key);
        if (s == null) {
            return null;
        }
        Entry<T> e = s.find(match, priority);
        if (e == null) {
            return null;
        }
        boolean empty = s.remove(e);
        size--;
        if (empty) {
            byMask.remove(key);
        }
        reorder();
        return e.value;
    }

    /** Removes every entry whose value satisfies the predicate; returns the removed values. */
    public List<T> removeIf(Predicate<Entry<T>> predicate) {
        List<Entry<T>> doomed = new ArrayList<>();
        for (Entry<T> e : entries()) {
            if (predicate.test(e)) {
                doomed.add(e);
            }
        }
        List<T> removed = new ArrayList<>(doomed.size());
        for (Entry<T> e : doomed) {
            removed.add(remove(e.match, e.priority));
        }
        return removed;
    }

    /**
     * Every entry in the order OVS's dump iterates: subtables by decreasing max priority, then
     * the subtable's own order.
     */
    public List<Entry<T>> entries() {
        List<Entry<T>> all = new ArrayList<>(size);
        for (Subtable<T> s : ordered) {
            s.collect(all);
        }
        return all;
    }

    public void clear() {
        byMask.clear();
        ordered = newArray(0);
        size = 0;
    }

    private void reorder() {
        List<Subtable<T>> list = new ArrayList<>(byMask.values());
        list.sort(SEARCH_ORDER);
        ordered = list.toArray(newArray(list.size()));
    }

    private static Match maskKey(Match match) {
        return Match.of(match.maskWords(), match.maskWords());
    }
}
