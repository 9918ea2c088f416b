package dev.packetwalk.ovs.flowmod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.packetwalk.ovs.RealOvs;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.LogLine;
import dev.packetwalk.ovs.flow.MatchWire;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Differential test against a private real OVS 3.1: several hundred generated Neutron-shaped and
 * random flows (plus known-bad inputs) are added one by one, each in its own table with its own
 * cookie, then dumped once per bridge with {@code --no-stats}; each dump line (or error) must equal
 * what our parser and printer give.
 */
class RealOvsDifferentialTest {
    private static final int PER_BRIDGE = 250;

    private static final List<String> BAD = List.of("in_port=1,actions=output:2,NORMAL,drop",
            "foo=1,actions=drop", "priority=70000,actions=drop", "in_port=1", "ip,nw_src=1.2.3,actions=drop",
            "tcp,tp_dst=70000,actions=drop", "in_port=1,actions=bogus", "ip,actions=conjunction(1,1/2),output:1",
            "in_port=1,actions=load:0x1ff->NXM_NX_REG1[0..7]", "in_port=1,actions=move:reg0[0..3]->reg1[0..4]",
            "in_port=1,actions=resubmit(,255)", "ct_state=+bogus,actions=drop", "dl_src=zz,actions=drop",
            "in_port=1,actions=note:xyz", "in_port=1,actions=push_vlan:0x8100", "ip,nw_frag=maybe,actions=drop",
            "in_port=1,actions=learn(table=2,importance=3,NXM_OF_ETH_SRC[])", "idle_timeout=x,actions=drop",
            "in_port=1,actions=output:99999", "in_port=1,actions=move:foo[]->reg1[]");

    record Outcome(String line, String error) {
    }

    @Test
    void generatedFlowsMatchRealOvs() throws Exception {
        check(Protocol.OPENFLOW10, Protocol.OPENFLOW10);
    }

    /** The same flows added over one protocol and dumped over the other or over OpenFlow 1.3. */
    @ParameterizedTest
    @CsvSource({"OPENFLOW10,OPENFLOW13", "OPENFLOW13,OPENFLOW10", "OPENFLOW13,OPENFLOW13"})
    void acrossProtocols(Protocol add, Protocol dump) throws Exception {
        check(add, dump);
    }

    private void check(Protocol add, Protocol dump) throws Exception {
        assumeTrue(RealOvs.available(), "Open vSwitch is not installed");
        NeutronFlows gen = new NeutronFlows(20261121L);
        List<String> flows = new ArrayList<>();
        for (int i = 0; i < 480; i++) {
            flows.add(i % 3 == 2 ? gen.random() : gen.neutron());
        }
        flows.addAll(BAD);
        Map<String, Outcome> real = runReal(flows, add, dump);
        int agree = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            String text = prefix(i) + flows.get(i);
            Outcome ours = ours(text, add, dump);
            Outcome theirs = real.getOrDefault(key(i), new Outcome(null, null));
            if (ours.equals(theirs)) {
                agree++;
            } else {
                disagreements.add(text + "\n   real: " + theirs + "\n   ours: " + ours);
            }
        }
        System.out.println("RealOvsDifferentialTest " + add + "->" + dump + ": " + agree + "/" + flows.size()
                + " flows agree with real OVS");
        assertThat(disagreements).as(agree + "/" + flows.size() + " agree").isEmpty();
    }

    private static String prefix(int i) {
        return "table=" + (i % PER_BRIDGE) + ",cookie=0x" + Integer.toHexString(i + 1) + ",";
    }

    private static String key(int i) {
        return "0x" + Integer.toHexString(i + 1);
    }

    private static Outcome ours(String text, Protocol add, Protocol dump) {
        List<LogLine> log = new ArrayList<>();
        try {
            FlowMod fm = FlowModText.parse(text, add, PortNames.NONE, log);
            if (!MatchWire.decodes(fm.match(), dump)) {
                return new Outcome(null, "ovs-ofctl: dump flows (Protocol error)");
            }
            return new Outcome(FlowModText.formatNoStats(fm, dump, null), null);
        } catch (FlowSyntaxException e) {
            if (e.ofpError() != null) {
                return new Outcome(null, "OFPT_ERROR " + e.ofpError());
            }
            return new Outcome(null, "ovs-ofctl: " + e.getMessage());
        }
    }

    private static String option(Protocol p) {
        return p == Protocol.OPENFLOW13 ? "-O OpenFlow13 " : "";
    }

    private static Map<String, Outcome> runReal(List<String> flows, Protocol add, Protocol dump) throws Exception {
        StringBuilder script = new StringBuilder();
        int bridges = (flows.size() + PER_BRIDGE - 1) / PER_BRIDGE;
        for (int b = 0; b < bridges; b++) {
            script.append("ovs-vsctl add-br b").append(b).append(" && ovs-ofctl del-flows b").append(b).append('\n');
        }
        script.append("f() { out=$(ovs-ofctl " + option(add) + "add-flow \"$1\" \"$3\" 2>&1) || echo \"ERR $2 $(printf '%s' \"$out\""
                + " | grep -E 'ovs-ofctl:|OFPT_ERROR' | head -1)\"; }\n");
        for (int i = 0; i < flows.size(); i++) {
            script.append("f b").append(i / PER_BRIDGE).append(' ').append(key(i)).append(" '")
                  .append((prefix(i) + flows.get(i)).replace("'", "'\\''")).append("'\n");
        }
        // one dump per flow (each has its own table), so that a reply the dump cannot decode
        // costs only that flow
        script.append("d() { if out=$(ovs-ofctl " + option(dump) + "dump-flows --no-stats \"$1\" \"$2\" 2>&1);"
                + " then printf '%s\\n' \"$out\" | grep '^ cookie'; else echo \"ERR $3 $(printf '%s' \"$out\""
                + " | grep -E 'ovs-ofctl:' | head -1)\"; fi; }\n");
        for (int i = 0; i < flows.size(); i++) {
            script.append("d b").append(i / PER_BRIDGE).append(" table=").append(i % PER_BRIDGE).append(' ')
                  .append(key(i)).append('\n');
        }
        Map<String, Outcome> out = new HashMap<>();
        try (RealOvs ovs = RealOvs.start()) {
            RealOvs.Result r = ovs.run(script.toString());
            for (String l : r.out().split("\n")) {
                if (l.startsWith("ERR ")) {
                    String[] p = l.split(" ", 3);
                    String err = p.length > 2 ? p[2] : "";
                    if (err.startsWith("OFPT_ERROR")) {
                        err = "OFPT_ERROR " + err.substring(err.indexOf(": ") + 2);
                    }
                    out.put(p[1], new Outcome(null, err));
                } else if (l.startsWith(" cookie=")) {
                    String c = l.substring(8, l.indexOf(','));
                    out.put(c, new Outcome(l.substring(1), null));
                }
            }
        }
        return out;
    }
}
