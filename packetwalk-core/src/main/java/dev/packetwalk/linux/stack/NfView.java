package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.conntrack.Tuple;
import dev.packetwalk.linux.netfilter.Packet;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.IcmpQuote;
import dev.packetwalk.net.packet.IpPayload;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.packet.Tcp;
import dev.packetwalk.net.packet.Udp;
import dev.packetwalk.net.packet.Wire;

/**
 * The netfilter view of an IPv4 packet and back: what iptables and conntrack look at, and
 * the packet rewritten after NAT (for ICMP errors, the quoted packet too).
 */
final class NfView {
    private NfView() {
    }

    static Packet of(Ipv4Packet ip, String in, String out, long srcMac, int mark) {
        IpPayload pl = ip.payload();
        int sport = 0;
        int dport = 0;
        int type = 0;
        int code = 0;
        int flags = 0;
        if (pl instanceof Tcp t) {
            sport = t.srcPort();
            dport = t.dstPort();
            flags = t.flags();
        } else if (pl instanceof Udp u) {
            sport = u.srcPort();
            dport = u.dstPort();
        } else if (pl instanceof Icmp i) {
            type = i.type();
            code = i.code();
            sport = Icmp.isError(type) ? 0 : i.id();
        }
        return new Packet(ip.src(), ip.dst(), ip.protocol(), sport, dport, type, code, flags, in, out,
                null, null, false, srcMac, mark, 0, 0, 0, ip.totalLength());
    }

    /** The tuple of the packet an ICMP error quotes, or null when {@code ip} is not such an error. */
    static Tuple quoted(Ipv4Packet ip) {
        if (!(ip.payload() instanceof Icmp i) || !Icmp.isError(i.type()) || !(i.body() instanceof IcmpQuote q)
                || q.payloadBytes() < 8) {
            return null;
        }
        if (q.protocol() == Packet.ICMP) {
            return new Tuple(q.src(), q.dst(), 1, q.payloadU16(4), (q.payloadU8(0) << 8) | q.payloadU8(1), 0);
        }
        return new Tuple(q.src(), q.dst(), q.protocol(), q.payloadU16(0), q.payloadU16(2), 0);
    }

    /** {@code ip} with the addresses and ports of {@code p} (after NAT); itself when unchanged. */
    static Ipv4Packet apply(Ipv4Packet ip, Packet p) {
        Ipv4Packet out = ip;
        IpPayload pl = ip.payload();
        if (pl instanceof Tcp t && (t.srcPort() != p.sport() || t.dstPort() != p.dport())) {
            out = out.withPayload(t.withPorts(p.sport(), p.dport()));
        } else if (pl instanceof Udp u && (u.srcPort() != p.sport() || u.dstPort() != p.dport())) {
            out = out.withPayload(u.withPorts(p.sport(), p.dport()));
        }
        if (p.src() == ip.src() && p.dst() == ip.dst()) {
            return out;
        }
        if (pl instanceof Icmp i && i.body() instanceof IcmpQuote q) {
            // The quoted packet travels the other way: a new outer destination is its source.
            int qsrc = p.dst() != ip.dst() ? p.dst() : q.src();
            int qdst = p.src() != ip.src() ? p.src() : q.dst();
            out = out.withPayload(new Icmp(i.type(), i.code(), i.rest(), requote(q, qsrc, qdst)));
        }
        return out.withSrc(p.src()).withDst(p.dst());
    }

    private static IcmpQuote requote(IcmpQuote q, int src, int dst) {
        byte[] b = new byte[q.length()];
        q.write(b, 0);
        Wire.u32(b, 12, src & 0xffffffffL);
        Wire.u32(b, 16, dst & 0xffffffffL);
        Wire.u16(b, 10, 0);
        long sum = 0;
        for (int i = 0; i < Ipv4Packet.HEADER; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        Wire.u16(b, 10, (int) (~sum & 0xffff));
        return IcmpQuote.parse(b, 0, b.length);
    }
}
