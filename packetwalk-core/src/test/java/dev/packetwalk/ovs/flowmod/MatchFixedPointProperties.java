package dev.packetwalk.ovs.flowmod;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.LogLine;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.MatchText;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;

import static org.assertj.core.api.Assertions.assertThat;

/** Printing a parsed match is a fixed point: parse(print(m)) == m, and printing again gives the same text. */
class MatchFixedPointProperties {
    private static long l4(Match m, Field f) {
        return m.value(f.word(), f.shift(), f.storedBits());
    }

    @Property(tries = 400)
    void printedMatchParsesBackToTheSameMatch(@ForAll long seed) {
        NeutronFlows gen = new NeutronFlows(seed);
        String line = seed % 2 == 0 ? gen.random() : gen.neutron();
        if (line.startsWith("icmp") && line.contains("/0xff00")) {
            return; // OVS prints a masked ICMP type/code as a plain value: not a fixed point in OVS either
        }
        List<LogLine> log = new ArrayList<>();
        FlowMod fm;
        try {
            fm = FlowModText.parse(line, Protocol.OPENFLOW10, PortNames.NONE, log);
        } catch (FlowSyntaxException e) {
            return; // generated combinations OVS rejects are covered by the differential test
        }
        String printed = MatchText.format(fm.match(), fm.priority(), null);
        if (printed.contains("icmp") && (l4(fm.match(), Field.TCP_SRC) > 0xff || l4(fm.match(), Field.TCP_DST) > 0xff)) {
            return; // tp_src/tp_dst set before an arp_op turned the protocol into ICMP: printed as one byte
        }
        String matchOnly = MatchText.format(fm.match());
        Match again = MatchText.parse(matchOnly, Protocol.OPENFLOW10, PortNames.NONE, new ArrayList<>());
        assertThat(again).as(line + " -> " + matchOnly).isEqualTo(fm.match());
        assertThat(MatchText.format(again, fm.priority(), null)).isEqualTo(printed);
    }
}
