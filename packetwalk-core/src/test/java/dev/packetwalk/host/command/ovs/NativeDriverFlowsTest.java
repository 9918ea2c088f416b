package dev.packetwalk.host.command.ovs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.ovs.RealOvs;
import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.flowmod.FlowModText;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.FlowMods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flows built with the typed API as Neutron's native driver sends them: each equals the flow
 * {@code ovs-ofctl -O OpenFlow13 add-flow} makes of its text, and dumps of them (OpenFlow 1.0
 * and 1.3 views) print what real OVS 3.1 prints for the same flows added in OpenFlow 1.3.
 */
class NativeDriverFlowsTest {
    private static final List<String> BRIDGES = List.of("br-int", "br-tun");
    private static final String SETUP = "ovs-vsctl add-br br-int -- set-fail-mode br-int secure"
            + " -- add-br br-tun -- set-fail-mode br-tun secure";

    @Test
    void typedFlowsEqualTheFlowsParsedFromTheirText() {
        for (NativeDriverFlows.Case c : NativeDriverFlows.all()) {
            FlowMod parsed = FlowModText.parse(c.text(), Protocol.OPENFLOW13, PortNames.NONE, new ArrayList<>());
            assertThat(c.typed()).as(c.text()).isEqualTo(parsed);
        }
    }

    @Test
    void openFlow10DumpsShowInstructionsAsNeutronOperatorsSeeThem() {
        String dump = dumps(ours()).get("br-tun ");
        assertThat(dump).contains(" cookie=0x876248e21ebb5890, table=4, priority=1,tun_id=0x5a actions=mod_vlan_vid:2,resubmit(,10)\n");
        assertThat(dump).contains(" table=22, priority=1,dl_vlan=2 actions=strip_vlan,load:0x5a->NXM_NX_TUN_ID[],output:2,output:3\n");
        assertThat(dumps(ours()).get("br-int ")).contains(" priority=9,in_port=2 actions=resubmit(,25)\n");
    }

    @Test
    void dumpsPrintWhatRealOvsPrintsForTheSameFlowsAddedInOpenFlow13() throws Exception {
        try (RealOvs real = RealOvs.startOrSkip()) {
            StringBuilder script = new StringBuilder(SETUP).append('\n');
            for (NativeDriverFlows.Case c : NativeDriverFlows.all()) {
                script.append("ovs-ofctl -O OpenFlow13 add-flow ").append(c.bridge()).append(" '").append(c.text())
                        .append("'\n");
            }
            for (String command : dumpCommands()) {
                script.append("echo '@@@ ").append(command).append("'\n").append(command).append('\n');
            }
            RealOvs.Result r = real.run(script.toString());
            assertThat(r.err()).isEmpty();
            java.util.Map<String, String> theirs = new java.util.HashMap<>();
            String[] parts = r.out().split("@@@ ", -1);
            for (String part : Arrays.asList(parts).subList(1, parts.length)) {
                int nl = part.indexOf('\n');
                theirs.put(key(part.substring(0, nl)), sorted(part.substring(nl + 1)));
            }
            java.util.Map<String, String> ours = dumps(ours());
            for (String command : dumpCommands()) {
                assertThat(sorted(ours.get(key(command)))).as(command).isEqualTo(theirs.get(key(command)));
            }
        }
    }

    @Test
    void bulkAddsStopAtTheFirstRefusedFlowAndKeepTheOnesBefore() {
        Host host = Hosts.dummyDatapath("h");
        new Shell(host).runLine(SETUP, new StringBuilder(), new StringBuilder());
        Bridge b = host.vswitch().bridge("br-int").orElseThrow();
        FlowMod one = FlowMod.builder().priority(1).match(Match.builder().inPort(1).build()).build();
        FlowMod overlapping = FlowMod.builder().priority(1).flag(dev.packetwalk.ovs.flowmod.FlowModFlag.CHECK_OVERLAP)
                .build();
        FlowMod never = FlowMod.builder().priority(2).build();
        assertThatThrownBy(() -> FlowMods.addAll(b, List.of(one, overlapping, never)))
                .isInstanceOfSatisfying(dev.packetwalk.ovs.ofproto.OpenFlowError.class, e -> {
                    assertThat(e.code()).isEqualTo("OFPFMFC_OVERLAP");
                    assertThat(e.index()).isEqualTo(1);
                });
        assertThat(b.table(0).size()).isEqualTo(1);
    }

    @Test
    void actionsThatDoNotSuitTheFlowAreRefusedAsOvsOfctlRefusesThem() {
        assertThatThrownBy(() -> FlowMod.builder().table(5).actions(new Action.GotoTable(3)).build())
                .isInstanceOf(FlowSyntaxException.class)
                .hasMessage("actions are invalid with specified match (OFPBIC_BAD_TABLE_ID)");
        assertThatThrownBy(() -> FlowMod.builder().actions(new Action.GotoTable(3), Action.Output.to(1)).build())
                .isInstanceOf(FlowSyntaxException.class)
                .hasMessageStartingWith("invalid instruction ordering");
        assertThatThrownBy(() -> FlowMod.builder().actions(Action.SetField.of(
                dev.packetwalk.ovs.flow.Field.IP_SRC, 1)).build()).isInstanceOf(FlowSyntaxException.class)
                .hasMessage("actions are invalid with specified match (OFPBAC_MATCH_INCONSISTENT)");
        assertThatThrownBy(() -> FlowMod.builder().table(254)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table 254 is out of range 0..253");
    }

    private static List<String> dumpCommands() {
        List<String> commands = new ArrayList<>();
        for (String b : BRIDGES) {
            commands.add("ovs-ofctl dump-flows " + b + " --no-stats");
            commands.add("ovs-ofctl -O OpenFlow13 dump-flows " + b + " --no-stats");
        }
        return commands;
    }

    /** A host with seed 004's bridges and the typed flows, added in bulk. */
    private static Host ours() {
        Host host = Hosts.dummyDatapath("h");
        new Shell(host).runLine(SETUP, new StringBuilder(), new StringBuilder());
        for (String name : BRIDGES) {
            List<FlowMod> mods = NativeDriverFlows.all().stream().filter(c -> c.bridge().equals(name))
                    .map(NativeDriverFlows.Case::typed).toList();
            FlowMods.addAll(host.vswitch().bridge(name).orElseThrow(), mods);
        }
        return host;
    }

    /** Each dump command's output on the host, keyed by bridge and protocol ("br-tun " or "br-tun 13"). */
    private static java.util.Map<String, String> dumps(Host host) {
        Shell shell = new Shell(host);
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String command : dumpCommands()) {
            StringBuilder o = new StringBuilder();
            StringBuilder e = new StringBuilder();
            assertThat(shell.runLine(command, o, e)).as(command + ": " + e).isZero();
            out.put(key(command), o.toString());
        }
        return out;
    }

    private static String key(String command) {
        String bridge = command.replaceAll(".*dump-flows (\\S+).*", "$1");
        return bridge + " " + (command.contains("OpenFlow13") ? "13" : "");
    }

    private static String sorted(String text) {
        return String.join("\n", text.lines().sorted().toList());
    }
}
