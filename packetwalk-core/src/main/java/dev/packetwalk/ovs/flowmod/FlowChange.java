package dev.packetwalk.ovs.flowmod;

/**
 * One flow_mod of a batch, as {@code ovs-ofctl add-flows} files mix them: an add, a modify
 * (loose or strict) or a delete.
 */
public sealed interface FlowChange permits FlowChange.Add, FlowChange.Modify, FlowChange.Delete {
    /** Adds (or replaces) one flow. */
    record Add(FlowMod mod) implements FlowChange {
        public Add {
            java.util.Objects.requireNonNull(mod, "mod");
        }
    }

    /** Changes the actions of the flows a request selects (and may add). */
    record Modify(FlowModify request) implements FlowChange {
        public Modify {
            java.util.Objects.requireNonNull(request, "request");
        }
    }

    /** Deletes the flows a filter selects. */
    record Delete(FlowFilter filter) implements FlowChange {
        public Delete {
            java.util.Objects.requireNonNull(filter, "filter");
        }
    }
}
