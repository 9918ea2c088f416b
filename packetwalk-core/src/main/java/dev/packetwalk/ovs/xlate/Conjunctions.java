package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.classifier.Entry;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.ofproto.FlowTable;
import dev.packetwalk.ovs.ofproto.Rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Conjunctive match (ovs.md §3.1): conjunction flows of one priority that cover every
 * dimension of an id trigger a second lookup with {@code conj_id} set; they must beat the best
 * ordinary match's priority, and a failed second lookup falls through to lower priorities.
 */
final class Conjunctions {
    private Conjunctions() {
    }

    static Rule lookup(FlowTable table, Flow flow, Rule best, Flow wc) {
        int floor = best == null ? -1 : best.priority();
        List<Entry<Rule>> matches = table.conjunctiveMatches(flow, wc, floor);
        int i = 0;
        while (i < matches.size()) {
            int prio = matches.get(i).priority();
            if (prio <= floor) {
                break;
            }
            Map<Long, long[]> seen = new HashMap<>();
            for (; i < matches.size() && matches.get(i).priority() == prio; i++) {
                for (Action a : matches.get(i).value().mod().actions()) {
                    if (a instanceof Action.Conjunction c) {
                        long[] st = seen.computeIfAbsent(c.id(), k -> new long[] {0, c.nClauses()});
                        st[0] |= 1L << (c.clause() - 1);
                    }
                }
            }
            for (Map.Entry<Long, long[]> e : seen.entrySet()) {
                long[] st = e.getValue();
                if (st[0] != (1L << st[1]) - 1) {
                    continue;
                }
                int old = flow.conjId();
                flow.setConjId((int) (long) e.getKey());
                Rule r = table.lookup(flow, wc);
                flow.setConjId(old);
                if (r != null && r.priority() > floor) {
                    return r;
                }
            }
        }
        return null;
    }
}
