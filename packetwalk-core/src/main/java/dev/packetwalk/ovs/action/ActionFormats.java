package dev.packetwalk.ovs.action;

import java.util.List;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowFormats;
import dev.packetwalk.ovs.flow.Match;

/**
 * The protocols an action list can be sent in ({@link FlowFormats} bits): some actions exist only
 * in OpenFlow 1.1+ (push_vlan, write_metadata) or 1.3+ (meter), set_field is limited by
 * its field, and an action that does not fit the match ({@code strip_vlan} with no VLAN known,
 * {@code mod_nw_src} without {@code ip}, ...) leaves only OpenFlow 1.0, whose switch ignores it
 * ({@code inconsistent_match} in OVS's action checks).
 */
final class ActionFormats {
    private static final int IPV4 = 0x0800;
    private static final int IPV6 = 0x86dd;
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int SCTP = 132;

    private ActionFormats() {
    }

    static int usable(List<Action> actions, Match match) {
        return usable(actions, SetFieldSyntax.flow(match, true), VlanPresence.of(match));
    }

    private static int usable(List<Action> actions, Flow value, VlanPresence vlan) {
        int usable = FlowFormats.ANY;
        for (Action a : actions) {
            usable &= syntax(a) & fit(a, value, vlan);
            vlan.after(a);
        }
        return usable;
    }

    /** What the action's own syntax allows. */
    private static int syntax(Action a) {
        if (a instanceof Action.PushVlan) {
            return FlowFormats.OF11_UP;
        }
        if (a instanceof Action.Meter) {
            return FlowFormats.OF13_UP;
        }
        if (a instanceof Action.WriteMetadata) {
            return FlowFormats.NXM_OF11_UP;
        }
        if (a instanceof Action.SetField sf) {
            return FlowFormats.field(sf.field(), -1L);
        }
        return FlowFormats.ANY;
    }

    /** OpenFlow 1.0 only when the action does not fit what the match (so far) says. */
    private static int fit(Action a, Flow value, VlanPresence vlan) {
        boolean fits = true;
        if (a instanceof Action.StripVlan) {
            fits = vlan.present();
        } else if (a instanceof Action.SetVlanVid v) {
            fits = vlan.present() || v.pushIfNeeded();
        } else if (a instanceof Action.SetVlanPcp p) {
            fits = vlan.present() || p.pushIfNeeded();
        } else if (a instanceof Action.ModField mf) {
            fits = switch (mf.kind()) {
                case NW_SRC, NW_DST -> ethType(value) == IPV4;
                case NW_TOS, NW_ECN, NW_TTL -> ipAny(value);
                case TP_SRC, TP_DST -> ipAny(value) && (Field.NW_FRAG.get(value) & 2) == 0
                        && isL4(Field.NW_PROTO.get(value));
                case DL_SRC, DL_DST -> true;
            };
        } else if (a instanceof Action.DecTtl) {
            fits = ipAny(value);
        } else if (a instanceof Action.FinTimeout) {
            fits = Field.NW_PROTO.get(value) == TCP;
        } else if (a instanceof Action.Clone c) {
            return usable(c.actions(), value, vlan.copy());
        } else if (a instanceof Action.WriteActions w) {
            return usable(w.actions(), value, vlan.copy());
        }
        return fits ? FlowFormats.ANY : FlowFormats.OF10_ANY;
    }

    private static long ethType(Flow value) {
        return Field.ETH_TYPE.get(value);
    }

    private static boolean ipAny(Flow value) {
        long t = ethType(value);
        return t == IPV4 || t == IPV6;
    }

    private static boolean isL4(long proto) {
        return proto == TCP || proto == UDP || proto == SCTP;
    }
}
