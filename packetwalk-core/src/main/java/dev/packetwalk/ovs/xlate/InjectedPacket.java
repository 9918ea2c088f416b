package dev.packetwalk.ovs.xlate;

import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.FrameDecoder;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.packet.Tcp;
import dev.packetwalk.net.packet.Udp;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowExtract;
import dev.packetwalk.ovs.flow.FlowSyntaxException;

import java.util.HexFormat;

/**
 * A packet given as text to {@code netdev-dummy/receive}: either its bytes in hex, or a
 * datapath flow key from which OVS composes one ({@code flow_compose} with 64 bytes of L7
 * payload after a TCP, UDP or ICMP header; measured on OVS 3.1: an Ethernet-only frame is 14
 * bytes, ARP 42, ICMP and UDP 106, TCP 118, plus 4 per VLAN tag). The flow's {@code in_port}
 * is ignored: the packet enters by the port it is received on.
 *
 * @param flow the packet's header fields (no in_port, no metadata)
 * @param size its length in bytes, as rule counters count it
 */
public record InjectedPacket(Flow flow, int size) {
    private static final int L7_BYTES = 64;

    /** Parses the packet text; FlowSyntaxException with OVS's message when it is neither form. */
    public static InjectedPacket parse(String text) {
        if (!text.isEmpty() && text.length() % 2 == 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            byte[] bytes = HexFormat.of().parseHex(text);
            try {
                Frame frame = FrameDecoder.decode(bytes);
                return new InjectedPacket(FlowExtract.extract(frame, 0), bytes.length);
            } catch (IllegalArgumentException e) {
                throw new FlowSyntaxException("syntax error at " + text);
            }
        }
        Flow f = new Flow();
        OdpKeyText.read(text).headers(f);
        return new InjectedPacket(f, FlowExtract.compose(f).length() + (carriesL7(f) ? L7_BYTES : 0));
    }

    private static boolean carriesL7(Flow f) {
        if (f.dlType() != Ipv4Packet.ETHERTYPE || (f.nwFrag() & Flow.FRAG_LATER) != 0) {
            return false;
        }
        int p = f.nwProto();
        return p == Tcp.PROTOCOL || p == Udp.PROTOCOL || p == Icmp.PROTOCOL;
    }
}
