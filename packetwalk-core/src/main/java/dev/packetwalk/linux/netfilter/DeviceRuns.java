package dev.packetwalk.linux.netfilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of a chain's rules that each require one exact device (physdev-in/out, -i/-o),
 * indexed by that device: a chain with one jump per port (neutron-openvswi-sg-chain) costs a
 * table lookup per device of the packet, not a scan of every port's rule.
 */
final class DeviceRuns {
    private static final int PHYS_IN = 0;
    private static final int PHYS_OUT = 1;
    private static final int IN = 2;
    private static final int OUT = 3;
    private static final int MIN_RUN = 4;

    /** Per rule, its run, or -1 when it is in none. */
    private final int[] runOf;
    private final int[] runEnd;
    /** Per run, the rule positions for each device, by kind (run * 4 + kind). */
    private final DeviceTable[] tables;

    DeviceRuns(Rule[] rules) {
        runOf = new int[rules.length];
        java.util.Arrays.fill(runOf, -1);
        List<Integer> ends = new ArrayList<>();
        List<DeviceTable> all = new ArrayList<>();
        int i = 0;
        while (i < rules.length) {
            int j = i;
            while (j < rules.length && key(rules[j]) != null) {
                j++;
            }
            if (j - i >= MIN_RUN) {
                build(rules, i, j, ends.size(), all);
                ends.add(j);
            }
            i = Math.max(j, i + 1);
        }
        runEnd = ends.stream().mapToInt(Integer::intValue).toArray();
        tables = all.toArray(new DeviceTable[0]);
    }

    /** The run rule {@code pos} belongs to, or -1. */
    int runOf(int pos) {
        return runOf[pos];
    }

    /** The position after the last rule of {@code run}. */
    int end(int run) {
        return runEnd[run];
    }

    private void build(Rule[] rules, int from, int to, int id, List<DeviceTable> all) {
        List<Map<String, List<Integer>>> lists = new ArrayList<>();
        for (int kind = 0; kind < 4; kind++) {
            lists.add(new HashMap<>());
        }
        for (int i = from; i < to; i++) {
            Object[] k = key(rules[i]);
            lists.get((Integer) k[0]).computeIfAbsent((String) k[1], x -> new ArrayList<>()).add(i);
            runOf[i] = id;
        }
        for (Map<String, List<Integer>> byDevice : lists) {
            Map<String, int[]> m = new HashMap<>();
            // Keys are the rules' own (interned) names, so lookups by a device's name hit by identity.
            byDevice.forEach((dev, v) -> m.put(dev.intern(), v.stream().mapToInt(Integer::intValue).toArray()));
            all.add(DeviceTable.of(m));
        }
    }

    /** {kind, device} when the rule can only match packets with that exact device, else null. */
    private static Object[] key(Rule r) {
        for (Match m : r.matches()) {
            if (m instanceof PhysdevMatch p) {
                if (p.requiredOut() != null) {
                    return new Object[] {PHYS_OUT, p.requiredOut()};
                }
                if (p.requiredIn() != null) {
                    return new Object[] {PHYS_IN, p.requiredIn()};
                }
            }
        }
        if (r.in() != null && !r.inverted(Rule.INV_IN) && !r.in().endsWith("+")) {
            return new Object[] {IN, r.in()};
        }
        if (r.out() != null && !r.inverted(Rule.INV_OUT) && !r.out().endsWith("+")) {
            return new Object[] {OUT, r.out()};
        }
        return null;
    }

    /** The first rule of {@code run} at or after {@code pos} that matches, or -1. */
    int first(ChainIndex chain, int run, int pos, Packet p, MatchEnv env) {
        int[] a = list(run, PHYS_IN, p.physIn());
        int[] b = list(run, PHYS_OUT, p.physOut());
        int[] c = list(run, IN, p.in());
        int[] d = list(run, OUT, p.out());
        int ia = from(a, pos);
        int ib = from(b, pos);
        int ic = from(c, pos);
        int id = from(d, pos);
        while (true) {
            int va = at(a, ia);
            int vb = at(b, ib);
            int vc = at(c, ic);
            int vd = at(d, id);
            int min = Math.min(Math.min(va, vb), Math.min(vc, vd));
            if (min == Integer.MAX_VALUE) {
                return -1;
            }
            if (chain.test(min, p, env)) {
                return min;
            }
            if (va == min) {
                ia++;
            } else if (vb == min) {
                ib++;
            } else if (vc == min) {
                ic++;
            } else {
                id++;
            }
        }
    }

    private int[] list(int run, int kind, String device) {
        return device == null ? null : tables[run * 4 + kind].get(device);
    }

    private static int from(int[] list, int pos) {
        if (list == null) {
            return 0;
        }
        int i = 0;
        while (i < list.length && list[i] < pos) {
            i++;
        }
        return i;
    }

    private static int at(int[] list, int i) {
        return list == null || i >= list.length ? Integer.MAX_VALUE : list[i];
    }
}
