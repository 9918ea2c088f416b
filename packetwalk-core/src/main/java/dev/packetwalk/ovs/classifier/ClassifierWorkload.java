package dev.packetwalk.ovs.classifier;

import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Match;

import java.util.Random;

/**
 * The workload of OVS's {@code ovstest test-classifier benchmark}: thirteen header fields, each
 * taking one of two values; a rule exact-matches a subset of the fields (its subtable) with
 * random values, and lookups use random flows over the same values. Used by tests and the
 * JMH benchmark so both measure the same shape OVS measures.
 */
public final class ClassifierWorkload {
    /** (word, shift, width) of the fields test-classifier uses. */
    private static final int[][] FIELDS = {
        {Flow.W_TUN_ID, 0, 64},
        {Flow.W_NW, 32, 32},
        {Flow.W_NW, 0, 32},
        {Flow.W_PORT_MARK, 32, 32},
        {Flow.W_DL_SRC, 0, 12},
        {Flow.W_DL_DST, 0, 16},
        {Flow.W_L4, 48, 16},
        {Flow.W_L4, 32, 16},
        {Flow.W_DL_SRC, 16, 48},
        {Flow.W_DL_DST, 16, 48},
        {Flow.W_L4, 24, 8},
        {Flow.W_DL_SRC, 13, 3},
        {Flow.W_L4, 16, 8},
    };
    private static final long[][] VALUES = {
        {0, 0xffff0000L},
        {0xc0a80001L, 0xc0a04455L},
        {0xc0a80002L, 0xc0a04455L},
        {1, 65534},
        {101, 0},
        {0x0800, 0x0806},
        {49362, 80},
        {6667, 22},
        {0x0002e30f80a4L, 0x5e337f5f1e99L},
        {0x4a2771ae64c1L, 0xffffffffffffL},
        {6, 1},
        {7, 0},
        {49, 0},
    };

    private ClassifierWorkload() {
    }

    public static int fieldCount() {
        return FIELDS.length;
    }

    private static long fieldMask(int[] f) {
        return (f[2] == 64 ? -1L : (1L << f[2]) - 1) << f[1];
    }

    /** A match on the fields in {@code fieldSet} (bit i = field i) with values chosen by {@code valuePattern}. */
    public static Match match(int fieldSet, int valuePattern) {
        long[] v = new long[Flow.N_WORDS];
        long[] m = new long[Flow.N_WORDS];
        for (int i = 0; i < FIELDS.length; i++) {
            if ((fieldSet & (1 << i)) != 0) {
                int[] f = FIELDS[i];
                m[f[0]] |= fieldMask(f);
                v[f[0]] |= VALUES[i][(valuePattern >>> i) & 1] << f[1];
            }
        }
        return Match.of(v, m);
    }

    /** A match on a random subset of about {@code nFields} fields. */
    public static Match randomMatch(Random rnd, int nFields) {
        int set = 0;
        for (int i = 0; i < nFields; i++) {
            set |= 1 << rnd.nextInt(FIELDS.length);
        }
        return match(set, rnd.nextInt(1 << FIELDS.length));
    }

    public static Flow randomFlow(Random rnd) {
        Flow f = new Flow();
        int pattern = rnd.nextInt(1 << FIELDS.length);
        for (int i = 0; i < FIELDS.length; i++) {
            int[] fd = FIELDS[i];
            f.set(fd[0], fd[1], fd[2], VALUES[i][(pattern >>> i) & 1]);
        }
        return f;
    }

    /**
     * Random field sets for {@code n} subtables, each with enough fields to hold
     * {@code minRules} distinct rules.
     */
    public static int[] randomFieldSets(Random rnd, int n, int minRules) {
        int[] sets = new int[n];
        for (int i = 0; i < n; i++) {
            int s;
            do {
                s = rnd.nextInt(1 << FIELDS.length);
            } while (s == 0 || (1L << Integer.bitCount(s)) < minRules);
            sets[i] = s;
        }
        return sets;
    }

    /** A classifier of {@code nRules} rules over {@code nPriorities} priorities and {@code nSubtables} masks. */
    public static Classifier<Integer> build(Random rnd, int nRules, int nPriorities, int nSubtables) {
        int perSubtable = (2 * nRules + nSubtables * nPriorities - 1) / (nSubtables * nPriorities);
        int[] sets = randomFieldSets(rnd, nSubtables, perSubtable);
        Classifier<Integer> c = new Classifier<>();
        int i = 0;
        while (c.size() < nRules) {
            Match m = match(sets[rnd.nextInt(nSubtables)], rnd.nextInt(1 << FIELDS.length));
            int prio = rnd.nextInt(nPriorities);
            if (c.find(m, prio) == null) {
                c.insert(m, prio, i++);
            }
        }
        return c;
    }
}
