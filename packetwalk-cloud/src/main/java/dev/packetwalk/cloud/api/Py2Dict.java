package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a Python 2.7 dict (64-bit CPython, no hash randomization) yields its string
 * keys: the order of its hash table's slots, which is why neutronclient prints
 * {@code {"subnet_id": ..., "ip_address": ...}} and
 * {@code {"network_id": ..., "enable_snat": ..., "external_fixed_ips": ...}}. The table starts with
 * 8 slots, probes with CPython's perturbation, and grows fourfold when two thirds full.
 */
final class Py2Dict {
    private static final int MIN_SIZE = 8;
    private static final int PERTURB_SHIFT = 5;

    private Py2Dict() {
    }

    /** The iteration order of a dict whose keys were inserted in {@code insertionOrder} (duplicates ignored). */
    static List<String> order(List<String> insertionOrder) {
        String[] table = new String[MIN_SIZE];
        int used = 0;
        for (String key : insertionOrder) {
            if (insert(table, key)) {
                used++;
                if (used * 3 >= table.length * 2) {
                    table = resized(table, (used > 50000 ? 2 : 4) * used);
                }
            }
        }
        List<String> keys = new ArrayList<>(used);
        for (String key : table) {
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Python 2's hash of a str or unicode string of ASCII or BMP characters. */
    static long hash(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        long x = ((long) s.charAt(0)) << 7;
        for (int i = 0; i < s.length(); i++) {
            x = (1000003L * x) ^ s.charAt(i);
        }
        x ^= s.length();
        return x == -1 ? -2 : x;
    }

    /** Puts the key in its slot; false when it was already there. */
    private static boolean insert(String[] table, String key) {
        long mask = table.length - 1;
        long h = hash(key);
        long i = h & mask;
        long perturb = h;
        while (table[(int) (i & mask)] != null) {
            if (table[(int) (i & mask)].equals(key)) {
                return false;
            }
            i = (i << 2) + i + perturb + 1;
            perturb >>>= PERTURB_SHIFT;
        }
        table[(int) (i & mask)] = key;
        return true;
    }

    private static String[] resized(String[] old, int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        String[] table = new String[size];
        for (String key : old) {
            if (key != null) {
                insert(table, key);
            }
        }
        return table;
    }
}
