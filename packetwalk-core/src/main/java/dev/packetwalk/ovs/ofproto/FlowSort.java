package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Match;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --sort[=field]} / {@code --rsort[=field]} criterion of dump-flows: by priority
 * when no field is given, else by the field's value; flows that do not match on the field sort
 * last in either direction. Sorting is stable, so ties keep the switch's order.
 */
public record FlowSort(Field field, boolean ascending) {
    /** Sorts by the criteria in order. */
    public static List<Rule> sort(List<Rule> rules, List<FlowSort> criteria) {
        List<Rule> out = new ArrayList<>(rules);
        out.sort((a, b) -> {
            for (FlowSort c : criteria) {
                int r = c.compare(a, b);
                if (r != 0) {
                    return r;
                }
            }
            return 0;
        });
        return out;
    }

    private int compare(Rule a, Rule b) {
        int ret;
        if (field == null) {
            ret = Integer.compare(a.priority(), b.priority());
        } else {
            Match ma = a.mod().match();
            Match mb = b.mod().match();
            boolean ina = has(ma);
            boolean inb = has(mb);
            if (ina != inb) {
                return ina ? -1 : 1;
            }
            if (field.isWide()) {
                ret = Long.compareUnsigned(ma.value(field.word()), mb.value(field.word()));
                if (ret == 0) {
                    ret = Long.compareUnsigned(ma.value(field.word() + 1), mb.value(field.word() + 1));
                }
            } else {
                ret = Long.compareUnsigned(ma.value(field.word(), field.shift(), field.width()),
                        mb.value(field.word(), field.shift(), field.width()));
            }
        }
        return ascending ? ret : -ret;
    }

    private boolean has(Match m) {
        if (field.isWide()) {
            return m.mask(field.word()) != 0 || m.mask(field.word() + 1) != 0;
        }
        return m.mask(field.word(), field.shift(), field.width()) != 0;
    }
}
