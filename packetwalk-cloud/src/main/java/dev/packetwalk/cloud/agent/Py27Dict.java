package dev.packetwalk.cloud.agent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The iteration order of a CPython 2.7 dict with byte-string keys, which Ocata's agents ran
 * on: where an agent writes rules while iterating a dict ({@code for device, mark in
 * scopemarks.items()}), the rules come in this order, not in the order the keys went in. It
 * follows dictobject.c: an 8-slot table probed by {@code i = 5i + perturb + 1} with
 * {@code perturb >>= 5}, grown to the smallest power of two above four times the used slots
 * once two thirds are filled, {@code update} growing first if the merge would cross that;
 * strings hash as {@code string_hash} does without hash randomisation (-R off, 2.7's default).
 * Keys are only added, never deleted.
 */
public final class Py27Dict {
    private static final int MIN_SIZE = 8;
    private static final int PERTURB_SHIFT = 5;

    private String[] slots = new String[MIN_SIZE];
    private int used;

    /** {@code d[key] = value}: adds the key if new, growing the table as PyDict_SetItem does. */
    public Py27Dict put(String key) {
        if (insert(key)) {
            used++;
            if (used * 3 >= slots.length * 2) {
                resize(used * (used > 50000 ? 2 : 4));
            }
        }
        return this;
    }

    /** {@code d.update(other)}: PyDict_Merge, growing first, then inserting in other's order. */
    public Py27Dict update(Py27Dict other) {
        if (other.used == 0) {
            return this;
        }
        if ((used + other.used) * 3 >= slots.length * 2) {
            resize((used + other.used) * 2);
        }
        for (String key : other.keys()) {
            if (insert(key)) {
                used++;
            }
        }
        return this;
    }

    /** A dict built by {@code d[key] = ...} for each key in turn. */
    public static Py27Dict of(List<String> keys) {
        Py27Dict d = new Py27Dict();
        keys.forEach(d::put);
        return d;
    }

    /** The keys in iteration order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        for (String s : slots) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Inserts into the first free slot of the key's probe sequence; false when already present. */
    private boolean insert(String key) {
        long hash = hash(key);
        int mask = slots.length - 1;
        long i = hash & mask;
        long perturb = hash;
        int slot = (int) (i & mask);
        while (slots[slot] != null) {
            if (slots[slot].equals(key)) {
                return false;
            }
            i = (i << 2) + i + perturb + 1;
            perturb >>>= PERTURB_SHIFT;
            slot = (int) (i & mask);
        }
        slots[slot] = key;
        return true;
    }

    private void resize(int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        String[] old = slots;
        slots = new String[size];
        for (String key : old) {
            if (key != null) {
                insert(key);
            }
        }
    }

    /** CPython 2.7's string_hash on a 64-bit build, over the key's UTF-8 bytes. */
    static long hash(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return 0;
        }
        long x = (bytes[0] & 0xffL) << 7;
        for (byte b : bytes) {
            x = (1000003 * x) ^ (b & 0xffL);
        }
        x ^= bytes.length;
        return x == -1 ? -2 : x;
    }
}
