package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.action.Ct;
import dev.packetwalk.ovs.action.Learn;
import dev.packetwalk.ovs.action.ModKind;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.OfPort;

import java.util.List;

/** Applies OpenFlow actions to a translation ({@code do_xlate_actions}). */
final class ActionRunner {
    private final Xlate x;

    ActionRunner(Xlate x) {
        this.x = x;
    }

    void run(List<Action> actions) {
        if (actions.isEmpty()) {
            x.record(new Step.EmptyActions());
            return;
        }
        for (Action a : actions) {
            if (x.stopped()) {
                break;
            }
            x.record(new Step.ActionRun(a));
            MegaflowMask.action(x.wc, x.flow, a);
            if (!apply(a)) {
                return;
            }
        }
    }

    /** Applies one action; false stops the rest of this action list. */
    private boolean apply(Action a) {
        Flow f = x.flow;
        if (a instanceof Action.Output o) {
            x.output(o.port());
        } else if (a instanceof Action.Resubmit r) {
            int table = r.table() == Action.Resubmit.CURRENT_TABLE ? x.tableId : r.table();
            int port = r.inPort() == OfPort.IN_PORT ? f.inPort() : r.inPort();
            x.tableAction(port, table, table <= x.tableId);
        } else if (a instanceof Action.GotoTable g) {
            x.tableAction(f.inPort(), g.table(), g.table() <= x.tableId);
        } else if (a instanceof Action.OutputField of) {
            long port = of.src().get(f);
            if (port <= 0xffff) {
                x.record(new Step.OutputPortRead(port));
                x.output((int) port);
            }
        } else if (a instanceof Action.Load l) {
            l.dst().set(f, l.value());
        } else if (a instanceof Action.Move m) {
            m.src().copyTo(f, m.dst(), f);
            x.record(new Step.FieldWritten(m.dst(), m.dst().get(f)));
        } else if (a instanceof Action.SetField sf) {
            setField(f, sf);
        } else if (a instanceof Action.ModField mf) {
            modField(f, mf);
        } else if (a instanceof Action.SetVlanVid v) {
            if (f.hasVlan() || v.pushIfNeeded()) {
                f.setVlanTci((f.hasVlan() ? f.vlanTci() & 0xe000 : 0) | Flow.VLAN_CFI | v.vid());
            }
        } else if (a instanceof Action.SetVlanPcp p) {
            if (f.hasVlan() || p.pushIfNeeded()) {
                f.setVlanTci((f.hasVlan() ? f.vlanTci() & 0x1fff : Flow.VLAN_CFI) | (p.pcp() << 13));
            }
        } else if (a instanceof Action.StripVlan) {
            f.setVlanTci(0);
        } else if (a instanceof Action.PushVlan) {
            f.setVlanTci(Flow.VLAN_CFI | f.vlanTci());
        } else if (a instanceof Action.SetTunnel t) {
            f.setTunId(t.tunId());
        } else if (a instanceof Action.WriteMetadata wm) {
            Field.METADATA.set(f, (f.metadata() & ~wm.mask()) | (wm.value() & wm.mask()));
        } else if (a instanceof Learn l) {
            learn(l);
        } else if (a instanceof Ct ct) {
            Conntrack.run(x, ct);
        } else if (a instanceof Action.CtClear) {
            Conntrack.clear(f);
        } else if (a instanceof Action.DecTtl) {
            return decTtl(f);
        } else if (a instanceof Action.Exit) {
            x.exit = true;
        } else if (a instanceof Action.Clone c) {
            Flow saved = f.copy();
            run(c.actions());
            f.copyFrom(saved);
        } else if (a instanceof Action.WriteActions w) {
            x.actionSet = ActionSets.merge(x.actionSet, w.actions());
            x.record(new Step.ActionSetNow(ActionSets.executionOrder(x.actionSet), false));
        } else if (a instanceof Action.ClearActions) {
            x.record(new Step.ActionSetNow(ActionSets.executionOrder(x.actionSet), true));
            x.actionSet = List.of();
        } else if (a instanceof Action.Controller c) {
            x.odp.add(new OdpAction.Userspace(reasonCode(c.reason()), x.datapath.nextRecircId(), 0, c.maxLen()));
        } else if (a instanceof Action.Enqueue e) {
            x.output(e.port());
        }
        return true;
    }

    private void learn(Learn l) {
        if (!x.sideEffects) {
            x.record(new Step.Dropped(Step.DropReason.LEARN_SUPPRESSED));
            return;
        }
        x.record(new Step.FlowLearned(LearnExecution.execute(l, x.flow, x.bridge)));
    }

    private boolean decTtl(Flow f) {
        int type = f.dlType();
        if (type != 0x0800 && type != 0x86dd) {
            return true;
        }
        if (f.nwTtl() > 1) {
            f.setNwTtl(f.nwTtl() - 1);
            return true;
        }
        x.record(new Step.Dropped(Step.DropReason.TTL_EXCEPTION));
        x.odp.add(new OdpAction.Userspace(2, x.datapath.nextRecircId(), 0, 65535));
        return false;
    }

    private static int reasonCode(String reason) {
        return switch (reason) {
            case "no_match" -> 0;
            case "invalid_ttl" -> 2;
            case "action_set" -> 3;
            case "group" -> 4;
            case "packet_out" -> 5;
            default -> 1;
        };
    }

    private static void setField(Flow f, Action.SetField sf) {
        Field field = sf.field();
        if (field == Field.VLAN_VID) {
            int v = (int) sf.value() & 0x1fff;
            f.setVlanTci((f.vlanTci() & 0xe000) | v | (f.hasVlan() ? Flow.VLAN_CFI : 0));
            return;
        }
        if (field == Field.VLAN_PCP || field == Field.DL_VLAN_PCP) {
            if (f.hasVlan()) {
                f.setVlanTci((f.vlanTci() & 0x1fff) | ((int) sf.value() & 7) << 13);
            }
            return;
        }
        long old = field.get(f);
        field.set(f, (old & ~sf.mask()) | (sf.value() & sf.mask()));
    }

    private static void modField(Flow f, Action.ModField mf) {
        ModKind k = mf.kind();
        switch (k) {
            case NW_TOS -> f.setNwTos((f.nwTos() & 0x03) | ((int) mf.value() & 0xfc));
            case NW_ECN -> f.setNwTos((f.nwTos() & 0xfc) | ((int) mf.value() & 0x03));
            default -> k.field().set(f, mf.value());
        }
    }
}
