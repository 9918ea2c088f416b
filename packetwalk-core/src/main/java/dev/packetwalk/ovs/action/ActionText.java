package dev.packetwalk.ovs.action;

import java.util.List;
import java.util.Map;

import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.LogLine;
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
        List<Action> actions = new ActionParser(ctx, false).parse(text);
        check(actions, ctx);
        return actions;
    }

    /** The dump form of an action list ({@code drop} when empty), ports as numbers. */
    public static String format(List<Action> actions, Protocol protocol) {
        return new ActionPrinter(protocol, null).format(actions);
    }

    /** The dump form with port names ({@code --names}); names may be null. */
    public static String format(List<Action> actions, Protocol protocol, PortNames names) {
        return new ActionPrinter(protocol, names).format(actions);
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
        for (Action a : actions) {
            usable(a, ctx.protocol());
        }
        checkInstructionOrder(actions);
        boolean pushed = false;
        for (Action a : actions) {
            if (a instanceof Action.PushVlan || a instanceof Action.SetVlanVid || a instanceof Action.SetVlanPcp) {
                pushed = true;
            } else if (a instanceof Action.StripVlan) {
                pushed = false;
            } else if (a instanceof Action.SetField sf && !(pushed && sf.field() == dev.packetwalk.ovs.flow.Field.VLAN_VID)) {
                SetFieldSyntax.checkSetField(sf, ctx);
            }
        }
        for (Action a : actions) {
            switchChecks(a, ctx);
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

    private static void usable(Action a, Protocol p) {
        String needs = null;
        if (p == Protocol.OPENFLOW10) {
            if (a instanceof Action.PushVlan || a instanceof Action.Group) {
                needs = "OXM,OpenFlow11";
            } else if (a instanceof Action.Meter) {
                needs = "OXM-OpenFlow13,OXM-OpenFlow14,OXM-OpenFlow15";
            }
        } else if (a instanceof Action.StripVlan) {
            needs = "OpenFlow10,NXM";
        }
        if (needs != null) {
            throw new FlowSyntaxException("none of the usable flow formats (" + needs
                    + ") is among the allowed flow formats (" + p.allowedFormats() + ")");
        }
    }

    /** Checks the switch (not ovs-ofctl) makes; failures carry the OpenFlow error code. */
    private static void switchChecks(Action a, ActionContext ctx) {
        Flow v = SetFieldSyntax.flow(ctx.match(), true);
        Flow m = SetFieldSyntax.flow(ctx.match(), false);
        if (a instanceof Action.ModField mf) {
            boolean ipOk = Prereq.IP_ANY.isMet(v, m);
            boolean viaSetField = ctx.protocol() == Protocol.OPENFLOW13
                    ? mf.kind() != ModKind.NW_TTL : mf.kind() == ModKind.NW_TTL || mf.kind() == ModKind.NW_ECN;
            if (viaSetField && !mf.kind().field().prereq().isMet(v, m)) {
                String name = ctx.protocol() == Protocol.OPENFLOW13 && mf.kind() == ModKind.NW_TOS ? "ip_dscp"
                        : mf.kind().field().ovsName();
                ctx.log().add(LogLine.warn("ofp_actions", "set_field " + name + " lacks correct prerequisites"));
                throw ctx.protocol() == Protocol.OPENFLOW13
                        ? new FlowSyntaxException("actions are invalid with specified match (OFPBAC_MATCH_INCONSISTENT)",
                                List.copyOf(ctx.log()), null)
                        : new FlowSyntaxException("OFPBAC_MATCH_INCONSISTENT", List.copyOf(ctx.log()),
                                "OFPBAC_MATCH_INCONSISTENT");
            }
            if (mf.kind() == ModKind.NW_TTL && !ipOk && ctx.protocol() == Protocol.OPENFLOW13) {
                throw new FlowSyntaxException("OFPBAC_MATCH_INCONSISTENT", List.of(), "OFPBAC_MATCH_INCONSISTENT");
            }
        }
        if (a instanceof Action.SetField sf && sf.field() == dev.packetwalk.ovs.flow.Field.VLAN_VID
                && (sf.value() & Flow.VLAN_CFI) == 0) {
            ctx.log().add(LogLine.warn("ofp_actions", "Invalid value for set field vlan_vid: " + sf.value()));
            ctx.log().add(LogLine.warn("ofp_actions", "bad action at offset 0 (OFPBAC_BAD_SET_ARGUMENT):"));
            throw new FlowSyntaxException("OFPBAC_BAD_SET_ARGUMENT", List.copyOf(ctx.log()), "OFPBAC_BAD_SET_ARGUMENT");
        }
        if (a instanceof Action.Meter) {
            throw new FlowSyntaxException("OFPMMFC_INVALID_METER", List.of(), "OFPMMFC_INVALID_METER");
        }
        if (a instanceof Action.Group) {
            throw new FlowSyntaxException("OFPBAC_BAD_OUT_GROUP", List.of(), "OFPBAC_BAD_OUT_GROUP");
        }
    }
}
