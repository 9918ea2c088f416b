package dev.packetwalk.ovs.action;

import java.util.List;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.FlowItems;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flow.Subfield;
import dev.packetwalk.ovs.flow.ValueText;

/** Prints actions as a dump in one protocol shows them ({@code ofpacts_format} after a round trip). */
final class ActionPrinter {
    private final Protocol protocol;
    private final PortNames names;

    ActionPrinter(Protocol protocol, PortNames names) {
        this.protocol = protocol;
        this.names = names;
    }

    private boolean of10() {
        return protocol == Protocol.OPENFLOW10;
    }

    String format(List<Action> actions) {
        StringBuilder sb = new StringBuilder();
        appendList(sb, actions);
        return sb.length() == 0 ? "drop" : sb.toString();
    }

    void appendList(StringBuilder sb, List<Action> actions) {
        for (Action a : actions) {
            int before = sb.length();
            if (before > 0 && sb.charAt(before - 1) != '(') {
                sb.append(',');
            }
            int mark = sb.length();
            append(sb, a);
            if (sb.length() == mark) {
                sb.setLength(before);
            }
        }
    }

    /** One action type's printer. */
    @FunctionalInterface
    private interface Printer<A extends Action> {
        void print(ActionPrinter p, StringBuilder sb, A a);
    }

    private static final java.util.Map<Class<?>, Printer<?>> PRINTERS = new java.util.HashMap<>();

    private static <A extends Action> void on(Class<A> type, Printer<A> printer) {
        PRINTERS.put(type, printer);
    }

    static {
        on(Action.Output.class, (pr, sb, o) -> pr.output(sb, o));
        on(Action.OutputField.class, (pr, sb, o) -> {
                sb.append("output:");
                o.src().appendTo(sb);
            });
        on(Action.Controller.class, (pr, sb, c) -> controller(sb, c));
        on(Action.Enqueue.class, (pr, sb, e) -> sb.append("enqueue:").append(pr.port(e.port())).append(':').append(e.queue()));
        on(Action.Resubmit.class, (pr, sb, r) -> pr.resubmit(sb, r));
        on(Action.GotoTable.class, (pr, sb, g) -> sb.append(pr.of10() ? "resubmit(," + g.table() + ")" : "goto_table:" + g.table()));
        on(Action.SetVlanVid.class, (pr, sb, v) -> sb.append(v.pushIfNeeded() ? "mod_vlan_vid:" : "set_vlan_vid:")
                    .append(v.vid()));
        on(Action.SetVlanPcp.class, (pr, sb, v) -> sb.append(v.pushIfNeeded() ? "mod_vlan_pcp:" : "set_vlan_pcp:")
                    .append(v.pcp()));
        on(Action.StripVlan.class, (pr, sb, s) -> sb.append(pr.of10() ? "strip_vlan" : "pop_vlan"));
        on(Action.PushVlan.class, (pr, sb, p) -> sb.append("push_vlan:0x").append(Integer.toHexString(p.ethertype())));
        on(Action.ModField.class, (pr, sb, m) -> pr.mod(sb, m));
        on(Action.SetField.class, (pr, sb, s) -> pr.setField(sb, s));
        on(Action.Load.class, (pr, sb, l) -> {
                sb.append("load:").append(ValueText.hex(l.value())).append("->");
                l.dst().appendTo(sb);
            });
        on(Action.Move.class, (pr, sb, m) -> {
                sb.append("move:");
                m.src().appendTo(sb);
                sb.append("->");
                m.dst().appendTo(sb);
            });
        on(Action.SetTunnel.class, (pr, sb, t) -> sb.append(pr.of10()
                    ? (t.is64() ? "set_tunnel64:0x" : "set_tunnel:0x") + Long.toHexString(t.tunId())
                    : "set_field:" + ValueText.hex(t.tunId()) + "->tun_id"));
        on(Learn.class, (pr, sb, l) -> LearnSyntax.format(sb, l));
        on(Action.Conjunction.class, (pr, sb, c) -> sb.append("conjunction(").append(c.id()).append(',').append(c.clause())
                    .append('/').append(c.nClauses()).append(')'));
        on(Ct.class, (pr, sb, c) -> CtSyntax.format(sb, c, pr));
        on(Action.CtClear.class, (pr, sb, c) -> sb.append("ct_clear"));
        on(Action.Note.class, (pr, sb, n) -> sb.append("note:").append(n.hexBytes()));
        on(Action.DecTtl.class, (pr, sb, d) -> decTtl(sb, d));
        on(Action.Exit.class, (pr, sb, e) -> sb.append("exit"));
        on(Action.Clone.class, (pr, sb, c) -> {
                sb.append("clone(");
                pr.appendList(sb, c.actions());
                sb.append(')');
            });
        on(Action.FinTimeout.class, (pr, sb, f) -> finTimeout(sb, f));
        on(Action.Sample.class, (pr, sb, s) -> sb.append("sample(probability=").append(s.probability())
                    .append(",collector_set_id=").append(s.collectorSetId()).append(",obs_domain_id=")
                    .append(s.obsDomainId()).append(",obs_point_id=").append(s.obsPointId()).append(')'));
        on(Action.SetQueue.class, (pr, sb, q) -> sb.append("set_queue:").append(q.queue()));
        on(Action.PopQueue.class, (pr, sb, q) -> sb.append("pop_queue"));
        on(Action.StackPush.class, (pr, sb, p) -> {
                sb.append("push:");
                p.src().appendTo(sb);
            });
        on(Action.StackPop.class, (pr, sb, p) -> {
                sb.append("pop:");
                p.dst().appendTo(sb);
            });
        on(Action.WriteMetadata.class, (pr, sb, w) -> {
                sb.append("write_metadata:").append(ValueText.hex(w.value()));
                if (w.mask() != -1L) {
                    sb.append('/').append(ValueText.hex(w.mask()));
                }
            });
        on(Action.WriteActions.class, (pr, sb, w) -> {
                if (!pr.of10()) {
                    sb.append("write_actions(");
                    pr.appendList(sb, w.actions());
                    sb.append(')');
                }
            });
        on(Action.ClearActions.class, (pr, sb, c) -> {
                if (!pr.of10()) {
                    sb.append("clear_actions");
                }
            });
        on(Action.Meter.class, (pr, sb, m) -> sb.append("meter:").append(m.meterId()));
        on(Action.Group.class, (pr, sb, g) -> sb.append("group:").append(g.groupId()));
        on(Action.Multipath.class, (pr, sb, m) -> sb.append("multipath(").append(m.args()).append(')'));
        on(Action.Bundle.class, (pr, sb, b) -> sb.append("bundle(").append(b.args()).append(')'));
    }

    @SuppressWarnings("unchecked")
    void append(StringBuilder sb, Action a) {
        ((Printer<Action>) PRINTERS.get(a.getClass())).print(this, sb, a);
    }

    private String port(int p) {
        String r = OfPort.reservedName(p);
        if (r != null) {
            return r;
        }
        String n = names == null ? null : names.name(p);
        return n != null ? FlowItems.quoteName(n) : Integer.toString(p);
    }

    private void output(StringBuilder sb, Action.Output o) {
        if (o.maxLen() != Action.Output.NO_MAX_LEN) {
            sb.append("output(port=").append(port(o.port())).append(",max_len=").append(o.maxLen()).append(')');
        } else if (o.isReserved()) {
            sb.append(OfPort.reservedName(o.port()));
        } else {
            sb.append("output:").append(port(o.port()));
        }
    }

    private static void controller(StringBuilder sb, Action.Controller c) {
        if (c.isPlain()) {
            sb.append("CONTROLLER:").append(c.maxLen());
            return;
        }
        sb.append("controller(");
        int start = sb.length();
        if (c.maxLen() != 65535) {
            sb.append("max_len=").append(c.maxLen()).append(',');
        }
        if (!c.reason().equals("action")) {
            sb.append("reason=").append(c.reason()).append(',');
        }
        if (c.controllerId() != 0) {
            sb.append("id=").append(c.controllerId()).append(',');
        }
        if (c.userdata() != null) {
            sb.append("userdata=").append(c.userdata()).append(',');
        }
        if (c.pause()) {
            sb.append("pause,");
        }
        if (c.meterId() != Action.Controller.NO_METER) {
            sb.append("meter_id=").append(c.meterId()).append(',');
        }
        if (sb.length() > start) {
            sb.setLength(sb.length() - 1);
        }
        sb.append(')');
    }

    private void resubmit(StringBuilder sb, Action.Resubmit r) {
        if (r.table() == Action.Resubmit.CURRENT_TABLE && !r.ct()) {
            sb.append("resubmit:").append(port(r.inPort()));
            return;
        }
        sb.append("resubmit(");
        if (r.inPort() != OfPort.IN_PORT) {
            sb.append(port(r.inPort()));
        }
        sb.append(',');
        if (r.table() != Action.Resubmit.CURRENT_TABLE) {
            sb.append(r.table());
        }
        if (r.ct()) {
            sb.append(",ct");
        }
        sb.append(')');
    }

    private void mod(StringBuilder sb, Action.ModField m) {
        ModKind k = m.kind();
        if (of10() || k == ModKind.NW_TTL) {
            sb.append(k.keyword()).append(':').append(modValue(k, m.value()));
            return;
        }
        if (k == ModKind.NW_TOS) {
            sb.append("set_field:").append(m.value() >> 2).append("->ip_dscp");
            return;
        }
        sb.append("set_field:").append(modValue(k, m.value())).append("->").append(k.field().ovsName());
    }

    private static String modValue(ModKind k, long v) {
        return switch (k) {
            case DL_SRC, DL_DST -> MacAddress.format(v);
            case NW_SRC, NW_DST -> Ipv4.format((int) v);
            default -> Long.toString(v);
        };
    }

    private void setField(StringBuilder sb, Action.SetField s) {
        Field f = s.field();
        long full = SetFieldSyntax.ones(f);
        if (of10()) {
            if (s.mask() == full) {
                String mod = switch (f) {
                    case ETH_SRC -> "mod_dl_src:" + MacAddress.format(s.value());
                    case ETH_DST -> "mod_dl_dst:" + MacAddress.format(s.value());
                    case IP_SRC -> "mod_nw_src:" + Ipv4.format((int) s.value());
                    case IP_DST -> "mod_nw_dst:" + Ipv4.format((int) s.value());
                    default -> null;
                };
                if (mod != null) {
                    sb.append(mod);
                    return;
                }
            }
            int ofs = Long.numberOfTrailingZeros(s.mask());
            int n = s.mask() == 0 ? 1 : 64 - Long.numberOfLeadingZeros(s.mask()) - ofs;
            n = Math.min(n, f.width() - ofs);
            sb.append("load:").append(ValueText.hex(s.value() >>> ofs)).append("->");
            new Subfield(f, ofs, n).appendTo(sb);
            return;
        }
        sb.append("set_field:").append(ValueText.format(f, s.value()));
        if (s.mask() != full && f != Field.VLAN_VID) {
            sb.append('/').append(ValueText.format(f, s.mask()));
        }
        sb.append("->").append(f.ovsName());
    }

    private static void decTtl(StringBuilder sb, Action.DecTtl d) {
        if (d.controllerIds().isEmpty() || d.controllerIds().equals(List.of(0))) {
            sb.append("dec_ttl");
            return;
        }
        sb.append("dec_ttl(");
        for (int i = 0; i < d.controllerIds().size(); i++) {
            sb.append(i > 0 ? "," : "").append(d.controllerIds().get(i));
        }
        sb.append(')');
    }

    private static void finTimeout(StringBuilder sb, Action.FinTimeout f) {
        sb.append("fin_timeout(");
        if (f.idleTimeout() != 0) {
            sb.append("idle_timeout=").append(f.idleTimeout());
        }
        if (f.hardTimeout() != 0) {
            sb.append(f.idleTimeout() != 0 ? "," : "").append("hard_timeout=").append(f.hardTimeout());
        }
        sb.append(')');
    }
}
