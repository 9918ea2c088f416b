package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.Subfield;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.ofproto.Rule;

import java.util.List;

/**
 * One decision of a translation, as data. {@link TracePrinter} renders them as
 * {@code ofproto/trace} text; a packet walk can render the same steps its own way.
 * Each step has the trace node kind OVS gives it (bridge, table, action, detail, warn, error).
 * Steps are the decisions of an OVS bridge's hop in a packet walk: their text is the line
 * {@code ofproto/trace} prints for them.
 */
public sealed interface Step extends dev.packetwalk.net.sim.Decision {
    /** The line {@code ofproto/trace} prints for this step (without indentation). */
    @Override
    default String text() {
        return TracePrinter.text(this);
    }

    /** OVS's trace node types ({@code enum oftrace_node_type}). */
    enum Kind { BRIDGE, TABLE, ACTION, DETAIL, WARN, ERROR, THAW }

    Kind kind();

    /** Translation entered a bridge: the first one, or a patch peer. */
    record BridgeEntered(String bridge) implements Step {
        public Kind kind() {
            return Kind.BRIDGE;
        }
    }

    /** A table lookup matched {@code rule}. */
    record TableMatched(int table, Rule rule) implements Step {
        public Kind kind() {
            return Kind.TABLE;
        }
    }

    /** How a table miss shows up in the trace. */
    enum Miss {
        /** {@code No match.} then {@code drop}. */
        DROP,
        /** A miss in a bridge reached through a patch port: the internal rule {@code reg0=0x2, priority 0}. */
        INTERNAL_RULE
    }

    /** A table lookup found nothing. */
    record TableMissed(int table, Miss miss) implements Step {
        public Kind kind() {
            return Kind.TABLE;
        }
    }

    /** The pseudo-table that runs the action set at the end of the pipeline. */
    record ActionSetExecuted() implements Step {
        public Kind kind() {
            return Kind.TABLE;
        }
    }

    /** An OpenFlow action about to run. */
    record ActionRun(Action action) implements Step {
        public Kind kind() {
            return Kind.ACTION;
        }
    }

    /** The {@code drop} line of an empty action list. */
    record EmptyActions() implements Step {
        public Kind kind() {
            return Kind.ACTION;
        }
    }

    /** NORMAL learned a MAC (live mode only). */
    record MacLearned(long mac, String port, int vlan) implements Step {
        public Kind kind() {
            return Kind.DETAIL;
        }
    }

    /** NORMAL's forwarding decision. */
    enum NormalOutcome {
        FLOOD("no learned MAC for destination, flooding"),
        FORWARD_LEARNED("forwarding to learned port"),
        LEARNED_IS_INPUT("learned port is input port, dropping");

        final String text;

        NormalOutcome(String text) {
            this.text = text;
        }
    }

    /** NORMAL decided; for a flood, {@code ports} lists the OpenFlow ports the packet went to. */
    record NormalDecision(NormalOutcome outcome, List<Integer> ports) implements Step {
        public Kind kind() {
            return Kind.DETAIL;
        }
    }

    /** NORMAL refused the packet's VLAN on the input port ({@code accessVlan} null for trunks). */
    record VlanRefused(int vid, String port, Integer accessVlan) implements Step {
        public Kind kind() {
            return Kind.ERROR;
        }
    }

    /** NORMAL got a packet on a port the bridge does not have. */
    record UnknownInputPort(int port) implements Step {
        public Kind kind() {
            return Kind.ERROR;
        }
    }

    /** Why something was not sent (each with OVS's wording and level). */
    enum DropReason {
        NO_INPUT_BUNDLE(Kind.WARN, "no input bundle, dropping"),
        DISALLOWED_VLAN(Kind.WARN, "disallowed VLAN VID for this input port, dropping"),
        OUTPUT_TO_INPUT_PORT(Kind.WARN, "skipping output to input port"),
        NONEXISTENT_PORT(Kind.WARN, "Nonexistent output port"),
        OWN_TUNNEL_ADDRESS(Kind.WARN, "Not tunneling to our own address"),
        LEARN_SUPPRESSED(Kind.WARN, "suppressing side effects, so learn action ignored"),
        TTL_EXCEPTION(Kind.WARN, "IPv4 decrement TTL exception");

        final Kind kind;
        final String text;

        DropReason(Kind kind, String text) {
            this.kind = kind;
            this.text = text;
        }
    }

    record Dropped(DropReason reason) implements Step {
        public Kind kind() {
            return reason.kind;
        }
    }

    /** {@code output:FIELD} read port {@code port}. */
    record OutputPortRead(long port) implements Step {
        public Kind kind() {
            return Kind.DETAIL;
        }
    }

    /** {@code move} wrote {@code dst}; the printer shows its new value. */
    record FieldWritten(Subfield dst, long value) implements Step {
        public Kind kind() {
            return Kind.DETAIL;
        }
    }

    /** learn() added or refreshed a flow (live mode). */
    record FlowLearned(FlowMod flow) implements Step {
        public Kind kind() {
            return Kind.DETAIL;
        }
    }

    /** Output to a tunnel port, encapsulated by the kernel ({@code set(tunnel(...))}). */
    record KernelTunnelOutput(String port, long tunId, int remoteIp) implements Step {
        public Kind kind() {
            return Kind.DETAIL;
        }
    }

    /** The action set after write_actions/clear_actions ({@code was} for the set before clearing). */
    record ActionSetNow(List<Action> actions, boolean was) implements Step {
        public Kind kind() {
            return Kind.DETAIL;
        }
    }

    /** ct(table=N) forks a recirculating clone. */
    record CtForked(int table) implements Step {
        public Kind kind() {
            return Kind.DETAIL;
        }
    }

    /** ct() leaves the packet untracked in this pass. */
    record CtCleared() implements Step {
        public Kind kind() {
            return Kind.DETAIL;
        }
    }

    /** A recirculated pass resumes at a table. */
    record Thawed(int table) implements Step {
        public Kind kind() {
            return Kind.THAW;
        }
    }

    /** Translation errors that abort it. */
    enum Failure {
        TOO_DEEP("over max translation depth 64", "Recursion too deep"),
        TOO_MANY_RESUBMITS("over 4096 resubmit actions", "Too many resubmits");

        final String text;
        final String summary;

        Failure(String text, String summary) {
            this.text = text;
            this.summary = summary;
        }
    }

    record Failed(Failure failure) implements Step {
        public Kind kind() {
            return Kind.ERROR;
        }
    }

    /**
     * The packet left the switch on an OpenFlow port (not shown by ofproto/trace; for walks):
     * {@code dpPort} is the datapath port used.
     */
    record Emitted(String bridge, int ofport, String port, int dpPort) implements Step {
        public Kind kind() {
            return Kind.DETAIL;
        }
    }
}
