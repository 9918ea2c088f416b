package dev.packetwalk.ovs.xlate;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.ovs.action.ActionText;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowText;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.MatchText;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.ofproto.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link TraceResult} as {@code ovs-appctl ofproto/trace} prints it, with OVS's tree
 * indentation rule (ovs.md §2.5): a node is "more" unless it is the last of its list and not an
 * action/detail/warn/error; it is indented {@code 4*(level+more)} and its children printed at
 * {@code level+2*more}.
 */
public final class TracePrinter {
    private static final String RULE = "=".repeat(79);

    private TracePrinter() {
    }

    public static String render(TraceResult r) {
        StringBuilder sb = new StringBuilder();
        renderPass(sb, r);
        for (TraceResult c : r.continuations()) {
            renderContinuation(sb, c);
        }
        return sb.toString();
    }

    private static void renderContinuation(StringBuilder sb, TraceResult c) {
        sb.append('\n').append(RULE).append('\n').append("recirc(0x").append(Integer.toHexString(c.recircId()))
                .append(") - resume conntrack with ");
        if (c.defaultCtState()) {
            // OVS prints this default as a fixed text, not in bit order
            sb.append("default ct_state=trk|new (use --ct-next to customize)");
        } else {
            sb.append("ct_state=").append(ctState(c.ctState()));
        }
        sb.append('\n').append(RULE).append("\n\n");
        renderPass(sb, c);
        for (TraceResult n : c.continuations()) {
            renderContinuation(sb, n);
        }
    }

    static String ctState(int bits) {
        String[] names = {"new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if ((bits & (1 << i)) != 0) {
                sb.append(sb.length() > 0 ? "|" : "").append(names[i]);
            }
        }
        return sb.toString();
    }

    private static void renderPass(StringBuilder sb, TraceResult r) {
        sb.append("Flow: ").append(FlowText.format(r.flow())).append('\n');
        printList(sb, r.steps().children(), 0);
        sb.append("\nFinal flow: ");
        sb.append(r.finalFlow().equals(r.flow()) ? "unchanged" : FlowText.format(r.finalFlow())).append('\n');
        sb.append("Megaflow: ").append(MegaflowText.format(r)).append('\n');
        sb.append("Datapath actions: ").append(OdpAction.format(r.actions())).append('\n');
        if (r.failure() != null) {
            sb.append("Translation failed (").append(r.failure().summary).append("), packet is dropped.\n");
        } else if (r.slowPath()) {
            sb.append("This flow is handled by the userspace slow path because it:\n")
                    .append("  - Uses action(s) not supported by datapath.\n");
        }
    }

    private static void printList(StringBuilder sb, List<TraceNode> nodes, int level) {
        List<TraceNode> visible = new ArrayList<>(nodes.size());
        for (TraceNode n : nodes) {
            if (!(n.step() instanceof Step.Emitted)) {
                visible.add(n);
            }
        }
        for (int i = 0; i < visible.size(); i++) {
            TraceNode n = visible.get(i);
            Step.Kind kind = n.step().kind();
            boolean always = kind == Step.Kind.ACTION || kind == Step.Kind.DETAIL || kind == Step.Kind.WARN
                    || kind == Step.Kind.ERROR;
            int more = i < visible.size() - 1 || always ? 1 : 0;
            String indent = " ".repeat(4 * (level + more));
            if (kind == Step.Kind.BRIDGE) {
                sb.append('\n');
            }
            String text = text(n.step());
            sb.append(indent).append(prefix(kind)).append(text).append(suffix(kind)).append('\n');
            if (kind == Step.Kind.BRIDGE) {
                sb.append(indent).append("-".repeat(text.length())).append('\n');
            }
            if (n.step() instanceof Step.Thawed t) {
                sb.append(" ".repeat(4 * (level + 2 * more))).append("Resuming from table ").append(t.table())
                        .append('\n');
            }
            printList(sb, n.children(), level + 2 * more);
        }
    }

    private static String prefix(Step.Kind kind) {
        return switch (kind) {
            case DETAIL -> " -> ";
            case WARN -> " >> ";
            case ERROR -> " >>>> ";
            default -> "";
        };
    }

    private static String suffix(Step.Kind kind) {
        return kind == Step.Kind.ERROR ? " <<<<" : "";
    }

    static String text(Step s) {
        if (s instanceof Step.BridgeEntered b) {
            return "bridge(\"" + b.bridge() + "\")";
        } else if (s instanceof Step.TableMatched t) {
            return table(t.table(), t.rule());
        } else if (s instanceof Step.TableMissed m) {
            return String.format("%2d. ", m.table())
                    + (m.miss() == Step.Miss.DROP ? "No match." : "reg0=0x2, priority 0");
        } else if (s instanceof Step.ActionSetExecuted) {
            return "--. Executing action set:";
        } else if (s instanceof Step.ActionRun a) {
            return ActionText.format(a.action());
        } else if (s instanceof Step.EmptyActions) {
            return "drop";
        } else if (s instanceof Step.MacLearned l) {
            return "learned that " + MacAddress.format(l.mac()) + " is on port " + l.port() + " in VLAN " + l.vlan();
        } else if (s instanceof Step.NormalDecision d) {
            return d.outcome().text;
        } else if (s instanceof Step.VlanRefused v) {
            return v.accessVlan() != null
                    ? "dropping VLAN " + v.vid() + " tagged packet received on port " + v.port()
                            + " configured as VLAN " + v.accessVlan() + " access port"
                    : "dropping VLAN " + v.vid() + " packet received on port " + v.port()
                            + " not configured for trunking VLAN " + v.vid();
        } else if (s instanceof Step.UnknownInputPort u) {
            return "received packet on unknown port " + u.port();
        } else if (s instanceof Step.Dropped d) {
            return d.reason().text;
        } else if (s instanceof Step.OutputPortRead o) {
            return "output port is " + o.port();
        } else if (s instanceof Step.FieldWritten w) {
            return w.dst().format() + " is now " + value(w);
        } else if (s instanceof Step.FlowLearned l) {
            return learned(l.flow());
        } else if (s instanceof Step.KernelTunnelOutput) {
            return "output to kernel tunnel";
        } else if (s instanceof Step.ActionSetNow a) {
            String verb = a.was() ? "was" : "is";
            return a.actions().isEmpty() ? "action set " + verb + " empty"
                    : "action set " + verb + ": " + ActionText.format(a.actions(), Protocol.OPENFLOW13);
        } else if (s instanceof Step.CtForked c) {
            return "A clone of the packet is forked to recirculate. The forked pipeline will be resumed at table "
                    + c.table() + ".";
        } else if (s instanceof Step.CtCleared) {
            return "Sets the packet to an untracked state, and clears all the conntrack fields.";
        } else if (s instanceof Step.Thawed) {
            return "thaw";
        } else if (s instanceof Step.Emitted e) {
            return "output to " + e.port() + " (OpenFlow port " + e.ofport() + ", datapath port " + e.dpPort() + ")";
        } else if (s instanceof Step.Failed f) {
            return f.failure().text;
        }
        return s.toString();
    }

    private static String table(int table, Rule rule) {
        StringBuilder sb = new StringBuilder(String.format("%2d. ", table));
        String match = MatchText.format(rule.mod().match());
        sb.append(match);
        if (!match.isEmpty()) {
            sb.append(", ");
        }
        sb.append("priority ").append(rule.priority());
        if (rule.cookie() != 0) {
            sb.append(", cookie 0x").append(Long.toHexString(rule.cookie()));
        }
        return sb.toString();
    }

    private static String value(Step.FieldWritten w) {
        Field f = w.dst().field();
        if (w.dst().isWholeField()) {
            switch (f.format()) {
                case MAC:
                    return MacAddress.format(w.value());
                case IPV4:
                    return Ipv4.format((int) w.value());
                case DEC:
                    return Long.toString(w.value());
                default:
                    break;
            }
        }
        return "0x" + Long.toHexString(w.value());
    }

    private static String learned(FlowMod f) {
        StringBuilder sb = new StringBuilder("table=").append(f.table()).append(' ');
        sb.append(MatchText.format(f.match()));
        if (sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
        sb.append(" priority=").append(f.priority());
        if (f.cookie() != 0) {
            sb.append(" cookie=0x").append(Long.toHexString(f.cookie()));
        }
        if (f.idleTimeout() != 0) {
            sb.append(" idle=").append(f.idleTimeout());
        }
        if (f.hardTimeout() != 0) {
            sb.append(" hard=").append(f.hardTimeout());
        }
        if (f.flags().contains(dev.packetwalk.ovs.flowmod.FlowModFlag.SEND_FLOW_REM)) {
            sb.append(" send_flow_rem");
        }
        sb.append(" actions=").append(ActionText.format(f.actions(), Protocol.OPENFLOW10));
        return sb.toString();
    }
}
