package dev.packetwalk.ovs.action;

import java.util.List;
import java.util.Map;

import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.LogLine;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Prereq;
import dev.packetwalk.ovs.flow.Protocol;

/**
 * Action lists in OVS 3.1 text: {@link #parse} accepts what {@code ovs-ofctl add-flow} accepts
 * (with its checks and error texts), {@link #format} prints what {@code dump-flows} prints for
 * flows added and dumped in the given protocol.
 */
public final class ActionText {
    private static final Map<Class<?>, String> NAMES = Map.of(Action.Output.class, "output",
            Action.Resubmit.class, "resubmit", Action.Controller.class, "controller", Action.Load.class, "load",
            Action.Move.class, "move", Action.GotoTable.class, "goto_table", Ct.class, "ct",
            Learn.class, "learn", Action.SetField.class, "set_field", Action.StripVlan.class, "strip_vlan");

    private ActionText() {
    }

    /**
     * Parses the text after {@code actions=}; an empty list means drop.
     *
     * @throws FlowSyntaxException with OVS's message
     */
    public static List<Action> parse(String text, ActionContext ctx) {
        return checked(new ActionParser(ctx, false).parse(text), ctx);
    }

    /**
     * Actions given as values, checked as ovs-ofctl checks parsed ones (instruction order,
     * conjunctions alone, set_field prerequisites) and with each VLAN action's view of the
     * VLAN header settled from the match: what {@link #parse} returns for the same text.
     *
     * @throws FlowSyntaxException with OVS's message
     */
    public static List<Action> checked(List<Action> actions, ActionContext ctx) {
        check(actions, ctx);
        return ActionWire.settle(actions, ctx.match());
    }

    /**
     * The protocols these actions can be sent in for a flow with this match, as
     * {@link dev.packetwalk.ovs.flow.FlowFormats} bits.
     */
    public static int usableFormats(List<Action> actions, Match match) {
        return ActionFormats.usable(actions, match);
    }

    /**
     * The actions as the switch keeps them after ovs-ofctl sent them in the context's protocol:
     * the switch's own checks first (errors carry the OpenFlow error code), then the wire's
     * rewrites: OpenFlow 1.3 turns {@code mod_vlan_vid} into push_vlan/set_field, OpenFlow 1.0
     * turns set_field on vlan_vid/vlan_pcp back into {@code mod_vlan_*}.
     */
    public static List<Action> received(List<Action> actions, ActionContext ctx) {
        for (Action a : actions) {
            switchChecks(a, ctx);
        }
        return ActionWire.settle(ActionWire.roundTrip(actions, ctx.protocol()), ctx.match());
    }

    /** The dump form of an action list ({@code drop} when empty), ports as numbers. */
    public static String format(List<Action> actions, Protocol protocol) {
        return format(actions, protocol, null);
    }

    /**
     * The dump form, as ovs-ofctl prints the actions it got back in protocol; port names
     * ({@code --names}) may be null.
     */
    public static String format(List<Action> actions, Protocol protocol, PortNames names) {
        return new ActionPrinter(protocol, names).format(ActionWire.roundTrip(actions, protocol));
    }

    /** One action as a trace line shows it (OpenFlow 1.0 + NXM form). */
    public static String format(Action action) {
        StringBuilder sb = new StringBuilder();
        new ActionPrinter(Protocol.OPENFLOW10, null).append(sb, action);
        return sb.toString();
    }

    private static void check(List<Action> actions, ActionContext ctx) {
        boolean conj = actions.stream().anyMatch(a -> a instanceof Action.Conjunction);
        if (conj) {
            for (Action a : actions) {
                if (!(a instanceof Action.Conjunction) && !(a instanceof Action.Note)) {
                    throw new FlowSyntaxException("\"conjunction\" actions may be used along with \"note\" but not any"
                            + " other kind of action (such as the \"" + NAMES.getOrDefault(a.getClass(),
                                    a.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                            + "\" action used here)");
                }
            }
        }
        checkInstructionOrder(actions);
        VlanPresence vlan = VlanPresence.of(ctx.match());
        for (Action a : actions) {
            ActionParser.checkContext(a, ctx);
            if (a instanceof Action.SetField sf) {
                SetFieldSyntax.checkSetField(sf.field(), vlan.present(), ctx);
            } else if (a instanceof Action.Load l) {
                SetFieldSyntax.checkSetField(l.dst().field(), vlan.present(), ctx);
            }
            vlan.after(a);
        }
    }

    private static final List<String> INSTRUCTIONS =
            List.of("meter", "apply_actions", "clear_actions", "write_actions", "write_metadata", "goto_table");

    private static int instructionRank(Action a) {
        if (a instanceof Action.Meter) {
            return 0;
        }
        if (a instanceof Action.ClearActions) {
            return 2;
        }
        if (a instanceof Action.WriteActions) {
            return 3;
        }
        if (a instanceof Action.WriteMetadata) {
            return 4;
        }
        return a instanceof Action.GotoTable ? 5 : 1;
    }

    private static void checkInstructionOrder(List<Action> actions) {
        int last = -1;
        for (Action a : actions) {
            int rank = instructionRank(a);
            if (rank < last) {
                throw new FlowSyntaxException("invalid instruction ordering: " + INSTRUCTIONS.get(rank)
                        + " must appear before " + INSTRUCTIONS.get(last) + ", for OpenFlow 1.1+ compatibility");
            }
            last = Math.max(last, rank);
        }
    }

    /** Checks the switch (not ovs-ofctl) makes; failures carry the OpenFlow error code. */
    private static void switchChecks(Action a, ActionContext ctx) {
        Flow v = SetFieldSyntax.flow(ctx.match(), true);
        Flow m = SetFieldSyntax.flow(ctx.match(), false);
        if (a instanceof Action.ModField mf && ctx.protocol() == Protocol.OPENFLOW10
                && (mf.kind() == ModKind.NW_TTL || mf.kind() == ModKind.NW_ECN)
                && !mf.kind().field().prereq().isMet(v, m)) {
            // OpenFlow 1.0 carries these two as NXM set_field, which the switch checks
            ctx.log().add(LogLine.warn("ofp_actions", "set_field " + mf.kind().field().ovsName()
                    + " lacks correct prerequisites"));
            throw new FlowSyntaxException("OFPBAC_MATCH_INCONSISTENT", List.of(), "OFPBAC_MATCH_INCONSISTENT");
        }
        if (a instanceof Action.SetField sf && sf.field() == dev.packetwalk.ovs.flow.Field.VLAN_VID
                && (sf.value() & Flow.VLAN_CFI) == 0) {
            ctx.log().add(LogLine.warn("ofp_actions", "Invalid value for set field vlan_vid: " + sf.value()));
            ctx.log().add(LogLine.warn("ofp_actions", "bad action at offset 0 (OFPBAC_BAD_SET_ARGUMENT):"));
            throw new FlowSyntaxException("OFPBAC_BAD_SET_ARGUMENT", List.of(), "OFPBAC_BAD_SET_ARGUMENT");
        }
        if (a instanceof Action.Meter) {
            throw new FlowSyntaxException("OFPMMFC_INVALID_METER", List.of(), "OFPMMFC_INVALID_METER");
        }
        if (a instanceof Action.Group) {
            throw new FlowSyntaxException("OFPBAC_BAD_OUT_GROUP", List.of(), "OFPBAC_BAD_OUT_GROUP");
        }
    }
}
