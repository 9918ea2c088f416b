package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.action.Action;

import java.util.ArrayList;
import java.util.List;

/** The OpenFlow 1.1+ action set: at most one action of each kind, run with output last. */
final class ActionSets {
    private ActionSets() {
    }

    static List<Action> merge(List<Action> set, List<Action> written) {
        List<Action> out = new ArrayList<>(set);
        for (Action a : written) {
            out.removeIf(old -> old.getClass() == a.getClass());
            out.add(a);
        }
        return List.copyOf(out);
    }

    static List<Action> executionOrder(List<Action> set) {
        List<Action> out = new ArrayList<>(set.size());
        for (Action a : set) {
            if (!(a instanceof Action.Output) && !(a instanceof Action.Group)) {
                out.add(a);
            }
        }
        for (Action a : set) {
            if (a instanceof Action.Output || a instanceof Action.Group) {
                out.add(a);
            }
        }
        return out;
    }
}
