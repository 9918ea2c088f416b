package dev.packetwalk.linux.netfilter;

/**
 * A chain prepared for traversal: its rules' fixed header tests (protocol, addresses with
 * masks, inversions) packed into one int array read from a few cache lines, flags for rules
 * that match everything or test nothing beyond the header, fixed target outcomes, jump targets
 * resolved to their own indexes, and the runs of device-specific rules ({@link DeviceRuns}).
 * A table rebuilds every index of its chains when anything changes.
 */
final class ChainIndex {
    private static final int STRIDE = 7;
    private static final int PROTO = 0;
    private static final int SRC = 1;
    private static final int SRC_MASK = 2;
    private static final int DST = 3;
    private static final int DST_MASK = 4;
    private static final int INV = 5;
    private static final int FLAGS = 6;
    private static final int MATCHES_ALL = 1;
    private static final int HEADER_ONLY = 2;
    private static final int IN_RUN = 4;
    /** In a run, decided by the dispatch on its physdev port and the packet's bridged flags. */
    private static final int DISPATCHED = 16;
    private static final int NEEDS_OUT_PORT = 32;
    private static final int FIXED_SHIFT = 8;
    private static final Target.Outcome[] OUTCOMES = Target.Outcome.values();

    final Chain chain;
    final Rule[] rules;
    private final int[] hdr;
    private final Chain[] jumps;
    private final ChainIndex[] jumpIndexes;
    private final DeviceRuns runs;

    ChainIndex(Chain chain, Table table) {
        this.chain = chain;
        rules = chain.rules().toArray(new Rule[0]);
        int n = rules.length;
        jumps = new Chain[n];
        jumpIndexes = new ChainIndex[n];
        runs = new DeviceRuns(rules);
        hdr = new int[n * STRIDE];
        for (int k = 0; k < n; k++) {
            Rule r = rules[k];
            if (r.target() instanceof JumpTarget j) {
                jumps[k] = table.chain(j.chain());
            }
            int o = k * STRIDE;
            hdr[o + PROTO] = r.proto();
            hdr[o + SRC] = r.src();
            hdr[o + SRC_MASK] = r.srcMask();
            hdr[o + DST] = r.dst();
            hdr[o + DST_MASK] = r.dstMask();
            hdr[o + INV] = r.invertFlags();
            Target.Outcome fixed = r.target() == null ? null : r.target().fixedOutcome();
            int residue = runs.runOf(k) >= 0 ? r.physdevResidue() : -1;
            hdr[o + FLAGS] = (r.matchesAll() ? MATCHES_ALL : 0) | (r.headerOnly() ? HEADER_ONLY : 0)
                    | (runs.runOf(k) >= 0 ? IN_RUN : 0) | ((fixed == null ? 0 : fixed.ordinal() + 1) << FIXED_SHIFT)
                    | (residue >= 0 ? DISPATCHED : 0) | (residue == 1 ? NEEDS_OUT_PORT : 0);
        }
    }

    /** Rule {@code k}'s target outcome when it is fixed (jumps, verdicts), else null. */
    Target.Outcome fixed(int k) {
        int f = hdr[k * STRIDE + FLAGS] >>> FIXED_SHIFT;
        return f == 0 ? null : OUTCOMES[f - 1];
    }

    /** The index of the chain rule {@code k} jumps to (the table rebuilds both on any change). */
    ChainIndex jump(int k, Table table) {
        ChainIndex i = jumpIndexes[k];
        if (i == null) {
            i = jumps[k].index(table);
            jumpIndexes[k] = i;
        }
        return i;
    }

    /**
     * Rule {@code k}'s test: the header from the packed array, then devices and matches. A rule
     * in a run is only tested for packets whose device the run's dispatch found equal to its own.
     */
    boolean test(int k, Packet p, MatchEnv env) {
        int o = k * STRIDE;
        int inv = hdr[o + INV];
        int pr = hdr[o + PROTO];
        if (pr != 0 && (p.proto() == pr) == ((inv & Rule.INV_PROTO) != 0)) {
            return false;
        }
        if ((((p.src() & hdr[o + SRC_MASK]) == hdr[o + SRC]) == ((inv & Rule.INV_SRC) != 0))
                || (((p.dst() & hdr[o + DST_MASK]) == hdr[o + DST]) == ((inv & Rule.INV_DST) != 0))) {
            return false;
        }
        int flags = hdr[o + FLAGS];
        if ((flags & DISPATCHED) != 0) {
            return p.bridged() && ((flags & NEEDS_OUT_PORT) == 0 || p.physOut() != null);
        }
        return (flags & HEADER_ONLY) != 0 || rules[k].testBeyondHeader(p, env);
    }

    /** The index of the first rule at or after {@code pos} that matches, or -1. */
    int next(int pos, Packet p, MatchEnv env) {
        int n = rules.length;
        while (pos < n) {
            int flags = hdr[pos * STRIDE + FLAGS];
            if ((flags & IN_RUN) == 0) {
                if ((flags & MATCHES_ALL) != 0 || test(pos, p, env)) {
                    return pos;
                }
                pos++;
                continue;
            }
            int run = runs.runOf(pos);
            int hit = runs.first(this, run, pos, p, env);
            if (hit >= 0) {
                return hit;
            }
            pos = runs.end(run);
        }
        return -1;
    }
}
