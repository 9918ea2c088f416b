package dev.packetwalk.net.packet;

import java.util.List;

import net.jqwik.api.Tuple;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generated frames of every modelled kind, shaped like lab traffic, for property and differential tests. */
public final class FrameArbitraries {
    private FrameArbitraries() {
    }

    /** Ports no tcpdump dissector claims, so it prints plain UDP/TCP lines. */
    public static Arbitrary<Integer> plainPorts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(33000, 40000), Arbitraries.of(22, 1234, 8080, 9999, 40001));
    }

    public static Arbitrary<Long> macs() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0xffffff).map(l -> 0xfa163e000000L | l),
                Arbitraries.longs().between(0, 0xffff_ffff_ffffL).map(l -> l & ~0x0100_0000_0000L),
                Arbitraries.just(0xffff_ffff_ffffL));
    }

    public static Arbitrary<Integer> ips() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 254).map(h -> 0x0a000000 | h),
                Arbitraries.integers().between(1, 254).map(h -> 0xac130100 | h),
                Arbitraries.integers().between(0x01000000, 0x7effffff));
    }

    public static Arbitrary<Data> data(int max) {
        Arbitrary<Integer> len = Arbitraries.integers().between(0, max);
        return Arbitraries.oneOf(len.map(Data::zeros), len.map(Data::pattern),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(max).map(Data::of));
    }

    public static Arbitrary<List<VlanTag>> vlans() {
        Arbitrary<VlanTag> tag = Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.of(false, true),
                Arbitraries.integers().between(1, 4094)).as(VlanTag::new);
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(List.of())),
                Tuple.of(3, tag.map(List::of)),
                Tuple.of(1, tag.list().ofSize(2)));
    }

    public static Arbitrary<Icmp> icmp() {
        Arbitrary<Integer> id16 = Arbitraries.integers().between(0, 0xffff);
        Arbitrary<Icmp> echo = Combinators.combine(Arbitraries.of(Icmp.ECHO_REQUEST, Icmp.ECHO_REPLY), id16, id16,
                data(120)).as((t, id, seq, d) -> new Icmp(t, 0, ((long) id << 16) | seq, d));
        Arbitrary<Icmp> error = Combinators.combine(
                Arbitraries.of(new int[][] {{3, 0}, {3, 1}, {3, 2}, {3, 3}, {3, 4}, {3, 10}, {3, 13}, {11, 0}, {11, 1}}),
                quotable()).as((tc, p) -> new Icmp(tc[0], tc[1], tc[0] == 3 && tc[1] == 4 ? 1450 : 0, IcmpQuote.of(p)));
        return Arbitraries.oneOf(echo, error);
    }

    private static Arbitrary<Ipv4Packet> quotable() {
        Arbitrary<IpPayload> l4 = Arbitraries.oneOf(udp(), tcp(),
                Combinators.combine(Arbitraries.integers().between(0, 0xffff), data(56))
                        .as((id, d) -> Icmp.echoRequest(id, 1, d)));
        return Combinators.combine(ips(), ips(), Arbitraries.integers().between(1, 255), l4)
                .as((s, d, ttl, p) -> Ipv4Packet.of(s, d, p).withTtl(ttl));
    }

    public static Arbitrary<IpPayload> tcp() {
        Arbitrary<Long> seq = Arbitraries.longs().between(0, 0xffff_ffffL);
        Arbitrary<Integer> flags = Arbitraries.of(Tcp.SYN, Tcp.SYN | Tcp.ACK, Tcp.ACK, Tcp.PSH | Tcp.ACK, Tcp.FIN | Tcp.ACK,
                Tcp.RST, Tcp.RST | Tcp.ACK, Tcp.URG | Tcp.ACK, Tcp.ECE | Tcp.CWR | Tcp.SYN, 0);
        return Combinators.combine(plainPorts(), plainPorts(), seq, seq, flags, Arbitraries.integers().between(0, 0xffff),
                data(200)).as((s, d, sq, ack, f, w, dt) ->
                        new Tcp(s, d, sq, (f & Tcp.ACK) != 0 ? ack : 0, f, w, 0, (f & Tcp.SYN) != 0 ? Data.EMPTY : dt));
    }

    public static Arbitrary<IpPayload> udp() {
        return Combinators.combine(plainPorts(), plainPorts(), data(200)).as(Udp::of);
    }

    public static Arbitrary<Ipv4Packet> ipv4(Arbitrary<? extends IpPayload> l4) {
        return Combinators.combine(Arbitraries.of(0, 0, 0x10, 0xb8, 0x02), Arbitraries.integers().between(0, 0xffff),
                Arbitraries.of(Ipv4Packet.DF, 0), Arbitraries.integers().between(1, 255), ips(), ips(), l4)
                .as((tos, id, fl, ttl, s, d, p) -> new Ipv4Packet(tos, id, fl, 0, ttl, s, d, p));
    }

    public static Arbitrary<EtherPayload> arp() {
        return Combinators.combine(Arbitraries.of(Arp.REQUEST, Arp.REPLY), macs(), ips(), macs(), ips())
                .as((op, sha, spa, tha, tpa) -> new Arp(op, sha, spa, op == Arp.REQUEST && (tha & 1) == 0 ? 0 : tha,
                        (spa & 0x30) == 0 ? spa : tpa));
    }

    /** Frames without VXLAN: ARP, ICMP (echo and errors), TCP, UDP. */
    public static Arbitrary<Frame> plainFrames() {
        Arbitrary<EtherPayload> payload = Arbitraries.oneOf(arp(), ipv4(icmp()), ipv4(tcp()), ipv4(udp()));
        return Combinators.combine(macs(), macs(), vlans(), payload).as(Frame::new);
    }

    /** VXLAN frames (outer untagged, UDP checksum 0) around plain frames. */
    public static Arbitrary<Frame> vxlanFrames() {
        Arbitrary<IpPayload> outerUdp = Combinators.combine(Arbitraries.integers().between(32768, 60999),
                Arbitraries.integers().between(1, 0xffffff), plainFrames(), Arbitraries.of(false, true))
                .as((sp, vni, inner, csum) -> Udp.vxlan(sp, Vxlan.of(vni, inner)).withChecksum(csum));
        return Combinators.combine(macs(), macs(), ipv4(outerUdp)).as((d, s, ip) -> Frame.of(d, s, ip));
    }

    public static Arbitrary<Frame> frames() {
        return Arbitraries.frequencyOf(Tuple.of(5, plainFrames()), Tuple.of(1, vxlanFrames()));
    }
}
