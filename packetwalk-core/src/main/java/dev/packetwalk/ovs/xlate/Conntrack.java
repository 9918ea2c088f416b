package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.action.Ct;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;

/**
 * ct() in a translation: emits {@code ct(...)} (and {@code recirc(ID)} with a table), runs the
 * exec actions, then leaves the packet untracked for the rest of the pass. The continuation is
 * queued and run by {@link Tracer} with the ct_state the caller chooses.
 */
final class Conntrack {
    private Conntrack() {
    }

    static void run(Xlate x, Ct ct) {
        Flow f = x.flow;
        int zone = ct.zoneSrc() != null ? (int) ct.zoneSrc().get(f) : ct.zone();
        long markBefore = Field.CT_MARK.get(f);
        x.runner.run(ct.exec());
        long mark = Field.CT_MARK.get(f);
        x.slowPath |= HeaderCommit.commit(f, x.base, x.odp, x.wc);
        boolean markSet = false;
        for (Action a : ct.exec()) {
            if (a instanceof Action.Load l && l.dst().field() == Field.CT_MARK
                    || a instanceof Action.SetField s && s.field() == Field.CT_MARK) {
                markSet = true;
            }
        }
        x.odp.add(new OdpAction.Conntrack(ct.commit(), zone, markSet ? mark : markBefore, markSet ? 0xffffffffL : 0));
        if (ct.table() != Ct.NO_TABLE) {
            int id = x.datapath.nextRecircId();
            x.odp.add(new OdpAction.Recirc(id));
            x.record(new Step.CtForked(ct.table()));
            Flow cont = f.copy();
            Field.RECIRC_ID.set(cont, id);
            Field.CT_ZONE.set(cont, zone);
            x.recirculations.add(new Xlate.Recirculation(id, ct.table(), zone, cont, x.bridge));
        }
        x.record(new Step.CtCleared());
        clear(f);
    }

    static void clear(Flow f) {
        f.setWord(Flow.W_CT, 0);
    }
}
