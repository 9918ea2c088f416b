package dev.packetwalk.linux.ipset;

import java.util.Arrays;

/** An open-addressing map from long keys to long values; lookups do not allocate. */
final class LongLongMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys = new long[16];
    private long[] values = new long[16];
    private int size;

    LongLongMap() {
        Arrays.fill(keys, EMPTY);
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    boolean containsKey(long key) {
        return keys[slot(key)] == key;
    }

    /** The value for {@code key}, or {@code absent}. */
    long get(long key, long absent) {
        int i = slot(key);
        return keys[i] == key ? values[i] : absent;
    }

    void put(long key, long value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(key);
        if (keys[i] != key) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
    }

    void remove(long key) {
        int i = slot(key);
        if (keys[i] != key) {
            return;
        }
        keys[i] = EMPTY;
        size--;
        int mask = keys.length - 1;
        for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            long k = keys[j];
            long v = values[j];
            keys[j] = EMPTY;
            size--;
            put(k, v);
        }
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        size = 0;
    }

    private void grow() {
        long[] oldK = keys;
        long[] oldV = values;
        keys = new long[oldK.length * 2];
        values = new long[oldK.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldK.length; i++) {
            if (oldK[i] != EMPTY) {
                put(oldK[i], oldV[i]);
            }
        }
    }
}
