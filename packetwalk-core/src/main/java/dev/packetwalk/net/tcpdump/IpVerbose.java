package dev.packetwalk.net.tcpdump;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.IcmpQuote;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.packet.Wire;

/** What {@code -v} adds to IPv4: the header summary in parentheses and the packet an ICMP error quotes. */
final class IpVerbose {
    private final int verbosity;

    IpVerbose(int verbosity) {
        this.verbosity = verbosity;
    }

    void header(StringBuilder sb, Ipv4Packet ip) {
        if (verbosity == 0) {
            return;
        }
        summary(sb, ip.tos(), ip.ttl(), ip.id(), ip.fragOffset(), ip.flags(), ip.protocol(), ip.totalLength());
        sb.append("\n    ");
    }

    private static void summary(StringBuilder sb, int tos, int ttl, int id, int fragOffset, int flags, int proto, int length) {
        sb.append("(tos 0x").append(Integer.toHexString(tos));
        switch (tos & 3) {
            case 1 -> sb.append(",ECT(1)");
            case 2 -> sb.append(",ECT(0)");
            case 3 -> sb.append(",CE");
            default -> { }
        }
        if (ttl >= 1) {
            sb.append(", ttl ").append(ttl);
        }
        sb.append(", id ").append(id).append(", offset ").append(fragOffset * 8).append(", flags [");
        String f = ((flags & Ipv4Packet.DF) != 0 ? "DF" : "") + ((flags & Ipv4Packet.MF) != 0 ? "+" : "");
        sb.append(f.isEmpty() ? "none" : f).append("], proto ").append(protoName(proto)).append(" (").append(proto)
                .append("), length ").append(length).append(')');
    }

    private static String protoName(int proto) {
        return switch (proto) {
            case 1 -> "ICMP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 47 -> "GRE";
            default -> "unknown";
        };
    }

    /** With -v, an ICMP error is followed by the quoted header and what tcpdump makes of its first bytes. */
    void quote(StringBuilder sb, Icmp m, boolean linkHeader) {
        if (verbosity == 0 || !(m.body() instanceof IcmpQuote q) || !Icmp.isError(m.type())) {
            return;
        }
        byte[] b = new byte[q.length()];
        q.write(b, 0);
        sb.append("\n\t");
        if (!linkHeader) {
            sb.append("IP ");
        }
        int fragWord = Wire.u16(b, 6);
        summary(sb, b[1] & 0xff, b[8] & 0xff, Wire.u16(b, 4), fragWord & 0x1fff, fragWord >>> 13, q.protocol(),
                q.totalLength());
        sb.append("\n    ");
        String src = Ipv4.format(q.src());
        String dst = Ipv4.format(q.dst());
        int bodyLen = q.totalLength() - Ipv4Packet.HEADER;
        switch (q.protocol()) {
            case 17 -> sb.append(src).append('.').append(q.payloadU16(0)).append(" > ").append(dst).append('.')
                    .append(q.payloadU16(2)).append(": UDP, length ").append(q.payloadU16(4) - 8);
            case 6 -> sb.append(src).append('.').append(q.payloadU16(0)).append(" > ").append(dst).append('.')
                    .append(q.payloadU16(2)).append(":  [|tcp]");
            case 1 -> sb.append(src).append(" > ").append(dst).append(": ICMP ")
                    .append(IcmpText.describe(new Icmp(q.payloadU8(0), q.payloadU8(1),
                            ((long) q.payloadU16(4) << 16) | q.payloadU16(6), dev.packetwalk.net.packet.Data.EMPTY)))
                    .append(", length ").append(bodyLen);
            default -> sb.append(src).append(" > ").append(dst).append(":  ip-proto-").append(q.protocol()).append(' ')
                    .append(bodyLen);
        }
    }
}
