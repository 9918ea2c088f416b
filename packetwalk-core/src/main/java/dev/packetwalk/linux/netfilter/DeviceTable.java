package dev.packetwalk.linux.netfilter;

import java.util.Map;

/**
 * An immutable open-addressing map from device name to rule positions, for the dispatch runs
 * of {@link ChainIndex}: keys, their hashes and values in flat arrays, so a lookup reads a
 * few array slots and compares references first (device names are interned) and strings only
 * when the hashes agree.
 */
final class DeviceTable {
    private static final DeviceTable EMPTY = new DeviceTable(Map.of());
    private final String[] keys;
    private final int[] hashes;
    private final int[][] values;
    private final int mask;

    private DeviceTable(Map<String, int[]> entries) {
        int size = 2;
        while (size < entries.size() * 2) {
            size <<= 1;
        }
        keys = new String[size];
        hashes = new int[size];
        values = new int[size][];
        mask = size - 1;
        entries.forEach((k, v) -> {
            int h = k.hashCode();
            int i = spread(h) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            hashes[i] = h;
            values[i] = v;
        });
    }

    static DeviceTable of(Map<String, int[]> entries) {
        return entries.isEmpty() ? EMPTY : new DeviceTable(entries);
    }

    /** The positions for {@code device}, or null. */
    int[] get(String device) {
        if (device == null) {
            return null;
        }
        int h = device.hashCode();
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return null;
            }
            if (k == device || (hashes[i] == h && k.equals(device))) {
                return values[i];
            }
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
