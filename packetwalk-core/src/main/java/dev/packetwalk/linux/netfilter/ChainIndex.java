package dev.packetwalk.linux.netfilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain prepared for traversal: its rules as an array, its jump targets resolved, and runs
 * of rules that each require one exact device (physdev-in/out, -i/-o) indexed by that device,
 * so a chain with one jump per port (neutron-openvswi-sg-chain) costs a map lookup, not a scan.
 */
final class ChainIndex {
    private static final int PHYS_IN = 0;
    private static final int PHYS_OUT = 1;
    private static final int IN = 2;
    private static final int OUT = 3;
    private static final int MIN_RUN = 4;

    final Rule[] rules;
    final Chain[] jumps;
    /** Per rule, the target's outcome when it is fixed (jumps, verdicts), else null. */
    final Target.Outcome[] fixed;
    private final boolean[] matchesAll;
    private final int[] runEnd;
    private final List<Map<String, int[]>> runMapList = new ArrayList<>();
    /** Per run, the rule positions for each device, by kind (run * 4 + kind). */
    private final Map<String, int[]>[] runMaps;
    private final int[] runOf;

    ChainIndex(Chain chain, Table table) {
        rules = chain.rules().toArray(new Rule[0]);
        jumps = new Chain[rules.length];
        runOf = new int[rules.length];
        fixed = new Target.Outcome[rules.length];
        matchesAll = new boolean[rules.length];
        for (int i = 0; i < rules.length; i++) {
            fixed[i] = rules[i].target() == null ? null : rules[i].target().fixedOutcome();
            matchesAll[i] = rules[i].matchesAll();
            if (rules[i].target() instanceof JumpTarget j) {
                jumps[i] = table.chain(j.chain());
            }
            runOf[i] = -1;
        }
        List<Integer> ends = new ArrayList<>();
        int i = 0;
        while (i < rules.length) {
            int j = i;
            while (j < rules.length && key(rules[j]) != null) {
                j++;
            }
            if (j - i >= MIN_RUN) {
                buildRun(i, j, ends.size());
                ends.add(j);
            }
            i = Math.max(j, i + 1);
        }
        runEnd = ends.stream().mapToInt(Integer::intValue).toArray();
        @SuppressWarnings("unchecked")
        Map<String, int[]>[] maps = runMapList.toArray(new Map[0]);
        runMaps = maps;
    }

    private void buildRun(int from, int to, int id) {
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
            runMapList.add(m);
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

    /** The index of the first rule at or after {@code pos} that matches, or -1. */
    int next(int pos, Packet p, MatchEnv env) {
        while (pos < rules.length) {
            int run = runOf[pos];
            if (run < 0) {
                if (matchesAll[pos] || rules[pos].test(p, env)) {
                    return pos;
                }
                pos++;
                continue;
            }
            int hit = inRun(run, pos, p, env);
            if (hit >= 0) {
                return hit;
            }
            pos = runEnd[run];
        }
        return -1;
    }

    private int inRun(int run, int pos, Packet p, MatchEnv env) {
        int[] a = list(run, PHYS_IN, p.physIn());
        int[] b = list(run, PHYS_OUT, p.physOut());
        int[] c = list(run, IN, p.in());
        int[] d = list(run, OUT, p.out());
        int ia = first(a, pos);
        int ib = first(b, pos);
        int ic = first(c, pos);
        int id = first(d, pos);
        while (true) {
            int va = at(a, ia);
            int vb = at(b, ib);
            int vc = at(c, ic);
            int vd = at(d, id);
            int min = Math.min(Math.min(va, vb), Math.min(vc, vd));
            if (min == Integer.MAX_VALUE) {
                return -1;
            }
            if (rules[min].test(p, env)) {
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
        return device == null ? null : runMaps[run * 4 + kind].get(device);
    }

    private static int first(int[] list, int pos) {
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
