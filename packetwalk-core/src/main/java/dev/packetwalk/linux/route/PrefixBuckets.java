package dev.packetwalk.linux.route;

import java.util.Arrays;

/**
 * The routes of one prefix length: an open-addressing hash map from the masked destination
 * to the routes for that prefix, kept in the kernel's alias order. Lookups do not allocate.
 */
final class PrefixBuckets {
    private static final Route[] NONE = new Route[0];
    private int[] keys = new int[8];
    private Route[][] values = new Route[8][];
    private int size;

    /** The routes for {@code key}, or an empty array. */
    Route[] get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            Route[] v = values[i];
            if (v == null) {
                return NONE;
            }
            if (keys[i] == key) {
                return v;
            }
        }
    }

    /** Sets the routes for {@code key}; an empty array removes the key. */
    void put(int key, Route[] routes) {
        if (routes.length == 0) {
            remove(key);
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = key;
                values[i] = routes;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = routes;
                return;
            }
        }
    }

    private void remove(int key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return;
        }
        values[i] = null;
        size--;
        // Re-insert the rest of the cluster so probing stays correct.
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int k = keys[j];
            Route[] v = values[j];
            values[j] = null;
            size--;
            put(k, v);
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        Route[][] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Route[oldKeys.length * 2][];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    int size() {
        return size;
    }

    /** The keys present, in no particular order. */
    int[] keys() {
        int[] out = new int[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                out[n++] = keys[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
