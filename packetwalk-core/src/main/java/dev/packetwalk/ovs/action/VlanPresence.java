package dev.packetwalk.ovs.action;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Match;

/**
 * Whether a VLAN header is known to be present at some point of an action list, as OVS's action
 * check tracks it ({@code ofpacts_check}): it starts from the match's VLAN CFI bit (matched as 1
 * means present; matched as 0 or not matched means absent), push and {@code mod_vlan_*} make it
 * present, strip/pop make it absent, and a write of {@code vlan_tci} sets it from the value.
 */
final class VlanPresence {
    private boolean present;

    private VlanPresence(boolean present) {
        this.present = present;
    }

    /** The state at the start of a flow's actions. */
    static VlanPresence of(Match match) {
        return new VlanPresence((match.value(Field.VLAN_TCI.word(), Field.VLAN_TCI.shift(), 16) & Flow.VLAN_CFI) != 0);
    }

    /** A copy for a nested list (clone, write_actions): OVS restores the state after it. */
    VlanPresence copy() {
        return new VlanPresence(present);
    }

    boolean present() {
        return present;
    }

    /** Moves the state past one action. */
    void after(Action a) {
        if (a instanceof Action.PushVlan || a instanceof Action.SetVlanVid || a instanceof Action.SetVlanPcp) {
            present = true;
        } else if (a instanceof Action.StripVlan) {
            present = false;
        } else if (a instanceof Action.SetField sf && sf.field() == Field.VLAN_TCI) {
            present = (sf.value() & Flow.VLAN_CFI) != 0;
        } else if (a instanceof Action.Load l && l.dst().field() == Field.VLAN_TCI) {
            present = ((l.value() << l.dst().offset()) & Flow.VLAN_CFI) != 0;
        }
    }
}
