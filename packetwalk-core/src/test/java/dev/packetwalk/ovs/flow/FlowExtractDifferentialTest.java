package dev.packetwalk.ovs.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;

import net.jqwik.api.Example;

import dev.packetwalk.net.packet.Arp;
import dev.packetwalk.net.packet.Data;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.packet.RawEther;
import dev.packetwalk.net.packet.RawIp;
import dev.packetwalk.net.packet.SampleTraffic;
import dev.packetwalk.net.packet.Tcp;
import dev.packetwalk.net.packet.Udp;
import dev.packetwalk.net.packet.VlanTag;
import dev.packetwalk.ovs.RealOvs;

/**
 * Real OVS 3.1 extracts the flow of each frame's bytes ({@code ofproto/trace br0 in_port=1 HEX}
 * prints it on its {@code Flow:} line); {@link FlowExtract} must give the same flow text.
 */
class FlowExtractDifferentialTest {
    private static List<Frame> frames() {
        List<Frame> out = new ArrayList<>();
        for (Frame f : SampleTraffic.mixed(new Random(31), 260)) {
            if (f.vlans().size() < 2) { // OVS keeps a second tag in vlan_tci1; our key holds one
                out.add(f);
            }
        }
        Ipv4Packet base = Ipv4Packet.of(0x0a000001, 0x0a000002, Udp.of(1, 2, Data.zeros(4)));
        byte[] tcpHead = new byte[40];
        Tcp.of(33000, 22, 7, 9, Tcp.SYN | Tcp.ACK).withData(Data.zeros(20)).write(tcpHead, 0, 1, 2);
        out.add(Frame.of(1, 2, base.withPayload(new RawIp(6, Data.of(tcpHead))).withFragment(Ipv4Packet.MF, 0)));
        out.add(Frame.of(1, 2, base.withPayload(new RawIp(17, Data.pattern(30))).withFragment(0, 3)));
        out.add(Frame.of(1, 2, base.withPayload(new RawIp(1, Data.zeros(8))).withFragment(Ipv4Packet.MF | Ipv4Packet.DF, 9)));
        out.add(Frame.of(1, 2, base.withPayload(new RawIp(6, Data.of(tcpHead))).withFragment(0, 100)));
        out.add(Frame.of(1, 2, base.withTtl(0).withTos(0xff)));
        out.add(Frame.of(1, 2, base.withPayload(new RawIp(47, Data.zeros(12)))));
        out.add(Frame.of(1, 2, new RawEther(0x0042, Data.zeros(30))));
        out.add(Frame.of(1, 2, new RawEther(0x88cc, Data.zeros(30))));
        out.add(Frame.of(1, 2, new Arp(0x1234, 5, 6, 7, 8)));
        out.add(Frame.of(1, 2, new Arp(3, 5, 6, 7, 8)).pushVlan(new VlanTag(7, true, 4095)));
        out.add(Frame.of(1, 2, base).pushVlan(new VlanTag(1, false, 0)));
        return out;
    }

    @Example
    void sameFlowAsRealOvs() throws Exception {
        Assumptions.assumeTrue(RealOvs.available(), "Open vSwitch is not installed");
        List<Frame> frames = frames();
        StringBuilder script = new StringBuilder(
                "ovs-vsctl add-br br0 -- add-port br0 p1 -- set interface p1 type=dummy ofport_request=1 || exit 1\n"
                        + "ovs-ofctl add-flow br0 actions=drop\n");
        HexFormat hex = HexFormat.of();
        for (Frame f : frames) {
            script.append("ovs-appctl ofproto/trace br0 in_port=1 ").append(hex.formatHex(f.toBytes()))
                    .append(" | grep '^Flow: ' || echo 'Flow: <none>'\n");
        }
        List<String> real;
        try (RealOvs ovs = RealOvs.start()) {
            RealOvs.Result r = ovs.run(script.toString());
            real = r.out().lines().map(l -> l.substring("Flow: ".length())).toList();
        }
        assertThat(real).hasSameSizeAs(frames);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            String ours = FlowText.format(FlowExtract.extract(frames.get(i), 1));
            if (!ours.equals(real.get(i)) && diffs.size() < 8) {
                diffs.add(frames.get(i) + "\n  real: " + real.get(i) + "\n  ours: " + ours);
            }
        }
        System.out.printf("FlowExtract vs real OVS: %d frames, %d differ%n", frames.size(), diffs.size());
        assertThat(diffs).isEmpty();
    }
}
