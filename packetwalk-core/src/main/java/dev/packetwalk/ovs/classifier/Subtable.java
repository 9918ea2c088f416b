package dev.packetwalk.ovs.classifier;

import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Match;

import java.util.ArrayList;
import java.util.List;

/**
 * All entries of a classifier that share one mask, in an open-addressing hash table keyed by
 * the masked words. Only the words the mask touches are hashed and compared (OVS's miniflow
 * idea), so a lookup costs a few word operations per subtable and allocates nothing.
 */
final class Subtable<T> {
    final long[] mask;
    /** Indexes of the words the mask touches. */
    final int[] words;
    final long order;
    int maxPriority = Integer.MIN_VALUE;
    int size;

    /** Slot i holds the masked key at keys[i*k .. i*k+k) and its chain at chains[i]. */
    private long[] keys;
    private Entry<T>[] chains;
    private int used;
    /** The stages this mask touches; all but the last are checked through {@link #stageIndex}. */
    private final int[] stages;
    /** Sorted hashes of the slots' values per indexed stage (cumulative); rebuilt lazily. */
    private long[][] stageIndex;
    private final long[] scratch = new long[Flow.N_WORDS];

    Subtable(Match match, long order) {
        this.mask = match.maskWords();
        int n = 0;
        for (long m : mask) {
            if (m != 0) {
                n++;
            }
        }
        this.words = new int[n];
        for (int i = 0, j = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                words[j++] = i;
            }
        }
        this.order = order;
        this.stages = Stages.of(mask);
        allocate(8);
    }

    @SuppressWarnings("unchecked")
    private void allocate(int capacity) {
        stageIndex = null;
        keys = new long[capacity * Math.max(1, words.length)];
        chains = new Entry[capacity];
        used = 0;
    }

    private int hashFlow(Flow flow) {
        long h = 0x9e3779b97f4a7c15L;
        for (int w : words) {
            h = (h ^ (flow.word(w) & mask[w])) * 0xbf58476d1ce4e5b9L;
        }
        return (int) (h ^ (h >>> 31));
    }

    private int hashMatch(Match match) {
        long h = 0x9e3779b97f4a7c15L;
        for (int w : words) {
            h = (h ^ match.value(w)) * 0xbf58476d1ce4e5b9L;
        }
        return (int) (h ^ (h >>> 31));
    }

    /**
     * {@link #lookup(Flow)} that also un-wildcards in {@code wc} the bits OVS's staged lookup
     * looks at: the mask up to the first indexed stage no entry agrees with, or the whole mask.
     */
    Entry<T> lookup(Flow flow, Flow wc) {
        if (stages.length > 1) {
            long[][] index = stageIndex();
            for (int i = 0; i < index.length; i++) {
                for (int w : words) {
                    scratch[w] = flow.word(w);
                }
                if (java.util.Arrays.binarySearch(index[i], Stages.hash(scratch, words, mask, stages[i])) < 0) {
                    for (int w : words) {
                        long m = 0;
                        for (int s = 0; s <= stages[i]; s++) {
                            m |= Stages.MASKS[s][w];
                        }
                        wc.setWord(w, wc.word(w) | (mask[w] & m));
                    }
                    return null;
                }
            }
        }
        for (int w : words) {
            wc.setWord(w, wc.word(w) | mask[w]);
        }
        return lookup(flow);
    }

    private long[][] stageIndex() {
        if (stageIndex == null) {
            long[][] index = new long[stages.length - 1][];
            long[] values = new long[Flow.N_WORDS];
            for (int i = 0; i < index.length; i++) {
                long[] hashes = new long[used];
                int n = 0;
                for (int slot = 0; slot < chains.length; slot++) {
                    if (chains[slot] != null) {
                        for (int j = 0; j < words.length; j++) {
                            values[words[j]] = keys[slot * words.length + j];
                        }
                        hashes[n++] = Stages.hash(values, words, mask, stages[i]);
                    }
                }
                java.util.Arrays.sort(hashes, 0, n);
                index[i] = java.util.Arrays.copyOf(hashes, n);
            }
            stageIndex = index;
        }
        return stageIndex;
    }

    /** The highest-priority entry whose match accepts the flow, or null. */
    Entry<T> lookup(Flow flow) {
        int k = words.length;
        int capMask = chains.length - 1;
        int slot = hashFlow(flow) & capMask;
        while (true) {
            Entry<T> chain = chains[slot];
            if (chain == null) {
                return null;
            }
            int base = slot * k;
            boolean same = true;
            for (int i = 0; i < k; i++) {
                int w = words[i];
                if ((flow.word(w) & mask[w]) != keys[base + i]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return chain;
            }
            slot = (slot + 1) & capMask;
        }
    }

    private int findSlot(Match match) {
        int k = words.length;
        int capMask = chains.length - 1;
        int slot = hashMatch(match) & capMask;
        while (true) {
            if (chains[slot] == null) {
                return -1 - slot;
            }
            int base = slot * k;
            boolean same = true;
            for (int i = 0; i < k; i++) {
                if (match.value(words[i]) != keys[base + i]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return slot;
            }
            slot = (slot + 1) & capMask;
        }
    }

    /** Entry with exactly this match and priority, or null. */
    Entry<T> find(Match match, int priority) {
        int slot = findSlot(match);
        if (slot < 0) {
            return null;
        }
        for (Entry<T> e = chains[slot]; e != null; e = e.next) {
            if (e.priority == priority) {
                return e;
            }
        }
        return null;
    }

    /** Inserts an entry (the caller made sure no entry has the same match and priority). */
    void insert(Entry<T> entry) {
        stageIndex = null;
        if ((used + 1) * 2 > chains.length) {
            rehash(chains.length * 2);
        }
        int slot = findSlot(entry.match);
        if (slot < 0) {
            slot = -1 - slot;
            int base = slot * words.length;
            for (int i = 0; i < words.length; i++) {
                keys[base + i] = entry.match.value(words[i]);
            }
            chains[slot] = entry;
            used++;
        } else {
            // keep the chain in descending priority; equal priorities cannot occur
            Entry<T> head = chains[slot];
            if (entry.priority > head.priority) {
                entry.next = head;
                chains[slot] = entry;
            } else {
                Entry<T> prev = head;
                while (prev.next != null && prev.next.priority > entry.priority) {
                    prev = prev.next;
                }
                entry.next = prev.next;
                prev.next = entry;
            }
        }
        size++;
        maxPriority = Math.max(maxPriority, entry.priority);
    }

    /** Removes the entry; returns true when the subtable became empty. */
    boolean remove(Entry<T> entry) {
        int slot = findSlot(entry.match);
        if (slot < 0) {
            return false;
        }
        Entry<T> head = chains[slot];
        if (head == entry) {
            if (entry.next != null) {
                chains[slot] = entry.next;
            } else {
                deleteSlot(slot);
            }
        } else {
            Entry<T> prev = head;
            while (prev.next != null && prev.next != entry) {
                prev = prev.next;
            }
            if (prev.next != entry) {
                return false;
            }
            prev.next = entry.next;
        }
        entry.next = null;
        size--;
        if (entry.priority == maxPriority) {
            recomputeMaxPriority();
        }
        return size == 0;
    }

    /** Backward-shift deletion: keeps every probe sequence unbroken without tombstones. */
    private void deleteSlot(int slot) {
        stageIndex = null;
        int k = words.length;
        int capMask = chains.length - 1;
        int hole = slot;
        chains[hole] = null;
        used--;
        for (int j = (hole + 1) & capMask; chains[j] != null; j = (j + 1) & capMask) {
            int home = hashKey(j) & capMask;
            if (((j - home) & capMask) >= ((j - hole) & capMask)) {
                chains[hole] = chains[j];
                System.arraycopy(keys, j * k, keys, hole * k, k);
                chains[j] = null;
                hole = j;
            }
        }
    }

    private int hashKey(int slot) {
        long h = 0x9e3779b97f4a7c15L;
        int base = slot * words.length;
        for (int i = 0; i < words.length; i++) {
            h = (h ^ keys[base + i]) * 0xbf58476d1ce4e5b9L;
        }
        return (int) (h ^ (h >>> 31));
    }

    private void forEachChain(List<Entry<T>> into) {
        for (Entry<T> c : chains) {
            if (c != null) {
                into.add(c);
            }
        }
    }

    private void reinsertChain(Entry<T> head) {
        int slot = -1 - findSlot(head.match);
        int base = slot * words.length;
        for (int i = 0; i < words.length; i++) {
            keys[base + i] = head.match.value(words[i]);
        }
        chains[slot] = head;
        used++;
    }

    private void rehash(int capacity) {
        List<Entry<T>> all = new ArrayList<>();
        forEachChain(all);
        allocate(capacity);
        for (Entry<T> head : all) {
            reinsertChain(head);
        }
    }

    private void recomputeMaxPriority() {
        int max = Integer.MIN_VALUE;
        for (Entry<T> c : chains) {
            if (c != null) {
                max = Math.max(max, c.priority);
            }
        }
        maxPriority = max;
    }

    /** Entries in slot order, each chain in descending priority. */
    void collect(List<Entry<T>> into) {
        for (Entry<T> c : chains) {
            for (Entry<T> e = c; e != null; e = e.next) {
                into.add(e);
            }
        }
    }
}
