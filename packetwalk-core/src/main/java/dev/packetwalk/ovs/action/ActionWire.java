package dev.packetwalk.ovs.action;

import java.util.ArrayList;
import java.util.List;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.flow.Protocol;

/**
 * An action list as it reads after crossing the wire in one OpenFlow version: OVS encodes its
 * actions for that version and the receiver decodes them ({@code ofpacts_put_openflow_actions},
 * {@code ofpacts_pull_openflow_actions}). The VLAN actions change shape: OpenFlow 1.0 has
 * no push_vlan and no set_field, so a push disappears and a vlan_vid/vlan_pcp write becomes
 * {@code mod_vlan_vid}/{@code mod_vlan_pcp}; OpenFlow 1.3 has no mod_vlan_*, so each becomes a
 * set_field, preceded by {@code push_vlan:0x8100} when the check saw no VLAN header. OpenFlow 1.0
 * also has no instructions: goto_table travels as {@code resubmit(,N)}, and write_actions and
 * clear_actions are dropped.
 */
final class ActionWire {
    private static final int ETH_TYPE_VLAN = 0x8100;

    private ActionWire() {
    }

    /** The decoded form of actions sent in protocol (VLAN flags reset; {@link #settle} sets them). */
    static List<Action> roundTrip(List<Action> actions, Protocol protocol) {
        List<Action> out = new ArrayList<>(actions.size() + 1);
        for (Action a : actions) {
            if (protocol == Protocol.OPENFLOW10) {
                of10(a, out);
            } else {
                of13(a, out);
            }
        }
        return out;
    }

    private static void of10(Action a, List<Action> out) {
        if (a instanceof Action.PushVlan || a instanceof Action.WriteActions || a instanceof Action.ClearActions) {
            return; // push is a side effect of the mod_vlan_* that follows; OF1.0 has no instructions
        }
        if (a instanceof Action.GotoTable g) {
            out.add(new Action.Resubmit(OfPort.IN_PORT, g.table(), false));
        } else if (a instanceof Action.SetVlanVid v) {
            out.add(Action.SetVlanVid.of(v.vid()));
        } else if (a instanceof Action.SetVlanPcp p) {
            out.add(Action.SetVlanPcp.of(p.pcp()));
        } else if (a instanceof Action.SetField sf && sf.field() == Field.VLAN_VID) {
            out.add(Action.SetVlanVid.of((int) sf.value() & 0xfff));
        } else if (a instanceof Action.SetField sf && sf.field() == Field.VLAN_PCP) {
            out.add(Action.SetVlanPcp.of((int) sf.value() & 7));
        } else if (a instanceof Action.SetField sf && sf.field() == Field.VLAN_TCI && sf.mask() == 0xffff) {
            if ((sf.value() & Flow.VLAN_CFI) != 0) {
                out.add(Action.SetVlanVid.of((int) sf.value() & 0xfff));
                out.add(Action.SetVlanPcp.of((int) sf.value() >>> 13));
            } else {
                out.add(new Action.StripVlan());
            }
        } else if (a instanceof Action.SetField sf) {
            legacy(sf, out);
        } else {
            out.add(nested(a, Protocol.OPENFLOW10));
        }
    }

    /**
     * set_field in OpenFlow 1.0: a whole-field write of a header OpenFlow 1.0 can rewrite becomes
     * that {@code mod_*} action; anything else travels as NXM {@code load}s, one per run of mask
     * bits ({@code set_field_to_legacy_openflow}).
     */
    private static void legacy(Action.SetField sf, List<Action> out) {
        Field f = sf.field();
        ModKind kind = sf.mask() != ones(f) ? null : switch (f) {
            case ETH_SRC -> ModKind.DL_SRC;
            case ETH_DST -> ModKind.DL_DST;
            case IP_SRC -> ModKind.NW_SRC;
            case IP_DST -> ModKind.NW_DST;
            case NW_TOS, IP_DSCP -> ModKind.NW_TOS;
            case NW_ECN -> ModKind.NW_ECN;
            case TCP_SRC, UDP_SRC -> ModKind.TP_SRC;
            case TCP_DST, UDP_DST -> ModKind.TP_DST;
            default -> null;
        };
        if (kind != null) {
            out.add(new Action.ModField(kind, f == Field.IP_DSCP ? sf.value() << 2 : sf.value()));
        } else {
            out.addAll(SetFieldSyntax.segments(f, unsigned(sf.value()), unsigned(sf.mask() & ones(f))));
        }
    }

    private static java.math.BigInteger unsigned(long v) {
        return java.math.BigInteger.valueOf(v).and(Values.LOW64);
    }

    private static void of13(Action a, List<Action> out) {
        if (a instanceof Action.SetTunnel t) {
            out.add(new Action.SetField(Field.TUN_ID, t.tunId(), -1L));
        } else if (a instanceof Action.SetVlanVid v) {
            if (v.pushIfNeeded() && !v.flowHasVlan()) {
                out.add(new Action.PushVlan(ETH_TYPE_VLAN));
            }
            out.add(new Action.SetField(Field.VLAN_VID, v.vid() | Flow.VLAN_CFI, ones(Field.VLAN_VID)));
        } else if (a instanceof Action.SetVlanPcp p) {
            if (p.pushIfNeeded() && !p.flowHasVlan()) {
                out.add(new Action.PushVlan(ETH_TYPE_VLAN));
            }
            out.add(new Action.SetField(Field.VLAN_PCP, p.pcp(), ones(Field.VLAN_PCP)));
        } else {
            out.add(nested(a, Protocol.OPENFLOW13));
        }
    }

    private static Action nested(Action a, Protocol protocol) {
        if (a instanceof Action.Clone c) {
            return new Action.Clone(roundTrip(c.actions(), protocol));
        }
        if (a instanceof Action.WriteActions w) {
            return new Action.WriteActions(roundTrip(w.actions(), protocol));
        }
        return a;
    }

    /** Sets each VLAN action's flowHasVlan as OVS's check does, starting from the match. */
    static List<Action> settle(List<Action> actions, Match match) {
        return settle(actions, VlanPresence.of(match));
    }

    private static List<Action> settle(List<Action> actions, VlanPresence vlan) {
        List<Action> out = new ArrayList<>(actions.size());
        for (Action a : actions) {
            Action s = a;
            if (a instanceof Action.SetVlanVid v) {
                s = new Action.SetVlanVid(v.vid(), v.pushIfNeeded(), vlan.present());
            } else if (a instanceof Action.SetVlanPcp p) {
                s = new Action.SetVlanPcp(p.pcp(), p.pushIfNeeded(), vlan.present());
            } else if (a instanceof Action.Clone c) {
                s = new Action.Clone(settle(c.actions(), vlan.copy()));
            } else if (a instanceof Action.WriteActions w) {
                s = new Action.WriteActions(settle(w.actions(), vlan.copy()));
            }
            vlan.after(a);
            out.add(s);
        }
        return out;
    }

    private static long ones(Field f) {
        return SetFieldSyntax.ones(f);
    }
}
