package dev.packetwalk.ovs.flow;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import dev.packetwalk.net.packet.Arp;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.FrameArbitraries;
import dev.packetwalk.net.packet.FrameDecoder;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.Ipv4Packet;

class FlowExtractProperties {
    @Provide
    Arbitrary<Frame> frames() {
        return FrameArbitraries.frames();
    }

    @Property(tries = 400)
    void applyingTheUnchangedFlowGivesTheSameFrame(@ForAll("frames") Frame f) {
        assertThat(FlowExtract.apply(f, FlowExtract.extract(f, 7))).isEqualTo(f);
    }

    @Property(tries = 400)
    void extractOfComposeIsTheFlow(@ForAll("frames") Frame f) {
        Flow flow = FlowExtract.extract(f, 3);
        assertThat(FlowExtract.extract(FlowExtract.compose(flow), 3)).isEqualTo(flow);
    }

    @Property(tries = 600)
    void modifiedFieldsReachTheFrameAndItsBytes(@ForAll("frames") Frame f, @ForAll long mac1, @ForAll long mac2,
            @ForAll int ip1, @ForAll int ip2, @ForAll @IntRange(max = 255) int tos, @ForAll @IntRange(max = 255) int ttl,
            @ForAll @IntRange(max = 65535) int p1, @ForAll @IntRange(max = 65535) int p2,
            @ForAll @IntRange(max = 4095) int vid, @ForAll @IntRange(max = 7) int pcp, @ForAll @IntRange(max = 2) int vlanOp) {
        if (f.vlans().size() > 1) {
            return;
        }
        Flow flow = FlowExtract.extract(f, 5);
        flow.setDlSrc(mac1 & 0xffff_ffff_ffffL);
        flow.setDlDst(mac2 & 0xffff_ffff_ffffL);
        flow.setVlanTci(vlanOp == 0 ? 0 : vlanOp == 1 ? flow.vlanTci() : Flow.VLAN_CFI | (pcp << 13) | vid);
        if (f.payload() instanceof Ipv4Packet ip) {
            flow.setNwSrc(ip1);
            flow.setNwDst(ip2);
            flow.setNwTos(tos);
            flow.setNwTtl(ttl);
            boolean icmp = ip.payload() instanceof Icmp;
            flow.setTpSrc(icmp ? p1 & 0xff : p1);
            flow.setTpDst(icmp ? p2 & 0xff : p2);
        } else if (f.payload() instanceof Arp) {
            flow.setNwSrc(ip1);
            flow.setNwDst(ip2);
            flow.setNwProto(tos);
            Field.ARP_SHA.set(flow, mac2 & 0xffff_ffff_ffffL);
            Field.ARP_THA.set(flow, mac1 & 0xffff_ffff_ffffL);
        }
        Frame out = FlowExtract.apply(f, flow);
        assertThat(FlowExtract.extract(out, 5)).isEqualTo(flow);
        assertThat(FlowExtract.extract(FrameDecoder.decode(out.toBytes()), 5)).isEqualTo(flow);
    }
}
