package dev.packetwalk.ovs.flow;

import java.util.List;

import dev.packetwalk.net.packet.Arp;
import dev.packetwalk.net.packet.Data;
import dev.packetwalk.net.packet.EtherPayload;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.IpPayload;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.packet.RawEther;
import dev.packetwalk.net.packet.RawIp;
import dev.packetwalk.net.packet.Tcp;
import dev.packetwalk.net.packet.Udp;
import dev.packetwalk.net.packet.VlanTag;

/**
 * Frames and OVS flow keys: {@link #extract} fills the packet fields of a {@link Flow} as OVS's
 * {@code flow_extract} does; {@link #apply} writes a flow's (possibly modified) header fields
 * back into the frame it came from, as committing OVS's set/push/pop actions does;
 * {@link #compose} makes a frame from a flow, like {@code flow_compose} for ofproto/trace.
 *
 * <p>The flow key holds one VLAN header (OVS 3.1 holds two): the outer tag is in vlan_tci with
 * the CFI bit marking presence (the frame's DEI bit is not kept, as in OVS); an inner tag stays in
 * the frame. Tunnel metadata, registers and conntrack fields are the caller's.
 */
public final class FlowExtract {
    /** OVS's dl_type for 802.2 frames without SNAP. */
    public static final int DL_TYPE_NONE = 0x05ff;
    private static final int[] PACKET_WORDS = {Flow.W_DL_DST, Flow.W_DL_SRC, Flow.W_NW, Flow.W_L4, Flow.W_ARP_SHA,
        Flow.W_ARP_THA, Flow.W_IPV6_SRC, Flow.W_IPV6_SRC + 1, Flow.W_IPV6_DST, Flow.W_IPV6_DST + 1, Flow.W_ND_TARGET,
        Flow.W_ND_TARGET + 1, Flow.W_IPV6_META};

    private FlowExtract() {
    }

    public static Flow extract(Frame frame, int inPort) {
        Flow f = new Flow();
        extract(frame, inPort, f);
        return f;
    }

    /** Overwrites the packet fields and in_port of {@code flow}; other metadata is left as it is. No allocation. */
    public static void extract(Frame frame, int inPort, Flow flow) {
        for (int w : PACKET_WORDS) {
            flow.setWord(w, 0);
        }
        flow.setInPort(inPort);
        flow.setDlDst(frame.dst());
        flow.setDlSrc(frame.src());
        if (!frame.vlans().isEmpty()) {
            flow.setVlanTci(frame.vlans().get(0).tci() | Flow.VLAN_CFI);
        }
        EtherPayload p = frame.payload();
        if (p instanceof Ipv4Packet ip) {
            flow.setDlType(Ipv4Packet.ETHERTYPE);
            ipv4(ip, flow);
        } else if (p instanceof Arp arp) {
            flow.setDlType(Arp.ETHERTYPE);
            flow.setNwProto(arp.op() <= 0xff ? arp.op() : 0);
            flow.setNwSrc(arp.spa());
            flow.setNwDst(arp.tpa());
            Field.ARP_SHA.set(flow, arp.sha());
            Field.ARP_THA.set(flow, arp.tha());
        } else {
            flow.setDlType(etherType((RawEther) p));
        }
    }

    private static int etherType(RawEther raw) {
        int type = raw.etherType();
        if (type >= 0x600) {
            return type;
        }
        Data d = raw.data();
        boolean snap = d.length() >= 8 && d.at(0) == 0xaa && d.at(1) == 0xaa && d.at(2) == 0x03 && d.at(3) == 0
                && d.at(4) == 0 && d.at(5) == 0;
        int snapType = snap ? (d.at(6) << 8) | d.at(7) : 0;
        return snap && snapType >= 0x600 ? snapType : DL_TYPE_NONE;
    }

    private static void ipv4(Ipv4Packet ip, Flow flow) {
        flow.setNwSrc(ip.src());
        flow.setNwDst(ip.dst());
        flow.setNwProto(ip.protocol());
        flow.setNwTos(ip.tos());
        flow.setNwTtl(ip.ttl());
        int frag = ip.isFragment() ? Flow.FRAG_ANY | (ip.fragOffset() != 0 ? Flow.FRAG_LATER : 0) : 0;
        Field.NW_FRAG.set(flow, frag);
        if ((frag & Flow.FRAG_LATER) != 0) {
            return;
        }
        IpPayload l4 = ip.payload();
        if (l4 instanceof Tcp t) {
            flow.setTpSrc(t.srcPort());
            flow.setTpDst(t.dstPort());
            Field.TCP_FLAGS.set(flow, t.flags());
        } else if (l4 instanceof Udp u) {
            flow.setTpSrc(u.srcPort());
            flow.setTpDst(u.dstPort());
        } else if (l4 instanceof Icmp m) {
            flow.setTpSrc(m.type());
            flow.setTpDst(m.code());
        } else {
            firstFragment((RawIp) l4, flow);
        }
    }

    /** A first fragment still starts with the L4 header, which OVS reads. */
    private static void firstFragment(RawIp raw, Flow flow) {
        Data d = raw.data();
        int p = raw.protocol();
        if ((p == Tcp.PROTOCOL && d.length() >= Tcp.HEADER) || (p == Udp.PROTOCOL && d.length() >= Udp.HEADER)) {
            flow.setTpSrc((d.at(0) << 8) | d.at(1));
            flow.setTpDst((d.at(2) << 8) | d.at(3));
            if (p == Tcp.PROTOCOL) {
                Field.TCP_FLAGS.set(flow, ((d.at(12) & 0x0f) << 8) | d.at(13));
            }
        } else if (p == Icmp.PROTOCOL && d.length() >= Icmp.HEADER) {
            flow.setTpSrc(d.at(0));
            flow.setTpDst(d.at(1));
        }
    }

    /**
     * The frame {@code original} becomes when its flow key is changed to {@code flow}: Ethernet
     * addresses, the outer VLAN (pushed, popped or rewritten; an unchanged tag keeps its DEI bit),
     * IPv4 addresses, TOS and TTL, TCP/UDP ports, ICMP type/code, ARP fields. Checksums follow on
     * serialisation. dl_type and nw_proto cannot change this way.
     */
    public static Frame apply(Frame original, Flow flow) {
        Frame f = original.withDst(flow.dlDst()).withSrc(flow.dlSrc()).withVlans(vlans(original.vlans(), flow.vlanTci()));
        EtherPayload p = original.payload();
        if (p instanceof Ipv4Packet ip) {
            Ipv4Packet out = ip.withSrc(flow.nwSrc()).withDst(flow.nwDst()).withTos(flow.nwTos()).withTtl(flow.nwTtl());
            return f.withPayload(out.withPayload(l4(ip.payload(), flow)));
        }
        if (p instanceof Arp a) {
            int op = a.op() <= 0xff ? flow.nwProto() : a.op();
            return f.withPayload(new Arp(op, flow.arpSha(), flow.nwSrc(), flow.arpTha(), flow.nwDst()));
        }
        return f;
    }

    private static List<VlanTag> vlans(List<VlanTag> tags, int tci) {
        boolean had = !tags.isEmpty();
        if ((tci & Flow.VLAN_CFI) == 0) {
            return had ? tags.subList(1, tags.size()) : tags;
        }
        if (had && (tags.get(0).tci() | Flow.VLAN_CFI) == tci) {
            return tags;
        }
        VlanTag tag = VlanTag.ofTci(tci & ~Flow.VLAN_CFI);
        return tags.size() < 2 ? List.of(tag) : List.of(tag, tags.get(1));
    }

    private static IpPayload l4(IpPayload l4, Flow flow) {
        if (l4 instanceof Tcp t) {
            return t.withPorts(flow.tpSrc(), flow.tpDst());
        }
        if (l4 instanceof Udp u) {
            return u.withPorts(flow.tpSrc(), flow.tpDst());
        }
        if (l4 instanceof Icmp m) {
            return m.withType(flow.tpSrc() & 0xff).withCode(flow.tpDst() & 0xff);
        }
        return l4;
    }

    /**
     * A frame with the flow's header fields (OVS's {@code flow_compose}): no payload, ICMP as an
     * echo-shaped header with id and seq 0, TCP window 0; for other ethertypes an empty payload.
     */
    public static Frame compose(Flow flow) {
        List<VlanTag> tags = flow.hasVlan() ? List.of(VlanTag.ofTci(flow.vlanTci() & ~Flow.VLAN_CFI)) : List.of();
        int type = flow.dlType();
        EtherPayload payload;
        if (type == Ipv4Packet.ETHERTYPE) {
            payload = composeIpv4(flow);
        } else if (type == Arp.ETHERTYPE) {
            payload = new Arp(flow.nwProto(), flow.arpSha(), flow.nwSrc(), flow.arpTha(), flow.nwDst());
        } else {
            payload = new RawEther(type, Data.EMPTY);
        }
        return new Frame(flow.dlDst(), flow.dlSrc(), tags, payload);
    }

    private static Ipv4Packet composeIpv4(Flow flow) {
        int frag = flow.nwFrag();
        int flags = (frag & Flow.FRAG_ANY) != 0 && (frag & Flow.FRAG_LATER) == 0 ? Ipv4Packet.MF : 0;
        int offset = (frag & Flow.FRAG_LATER) != 0 ? 100 : 0;
        int proto = flow.nwProto();
        IpPayload l4;
        if ((frag & Flow.FRAG_LATER) != 0) {
            l4 = new RawIp(proto, Data.EMPTY);
        } else if (proto == Tcp.PROTOCOL) {
            l4 = new Tcp(flow.tpSrc(), flow.tpDst(), 0, 0, (int) Field.TCP_FLAGS.get(flow), 0, 0, Data.EMPTY);
        } else if (proto == Udp.PROTOCOL) {
            l4 = Udp.of(flow.tpSrc(), flow.tpDst(), Data.EMPTY);
        } else if (proto == Icmp.PROTOCOL) {
            l4 = new Icmp(flow.tpSrc() & 0xff, flow.tpDst() & 0xff, 0, Data.EMPTY);
        } else {
            l4 = new RawIp(proto, Data.EMPTY);
        }
        if (flags == Ipv4Packet.MF && !(l4 instanceof RawIp)) {
            byte[] b = new byte[l4.length()];
            l4.write(b, 0, flow.nwSrc(), flow.nwDst());
            l4 = new RawIp(proto, Data.of(b));
        }
        return new Ipv4Packet(flow.nwTos(), 0, flags, offset, flow.nwTtl(), flow.nwSrc(), flow.nwDst(), l4);
    }
}
