package dev.packetwalk.net.tcpdump;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.IcmpQuote;

/** The words tcpdump prints for an ICMP message (after "ICMP "), as in its print-icmp.c tables. */
final class IcmpText {
    private static final String[] UNREACHABLE = {
        "net %s unreachable", "host %s unreachable", "%s protocol %d unreachable", null, null,
        "%s unreachable - source route failed", "net %s unreachable - unknown", "host %s unreachable - unknown",
        "%s unreachable - source host isolated", "net %s unreachable - admin prohibited",
        "host %s unreachable - admin prohibited", "net %s unreachable - tos prohibited",
        "host %s unreachable - tos prohibited", "host %s unreachable - admin prohibited filter",
        "host %s unreachable - host precedence violation", "host %s unreachable - precedence cutoff"};

    private IcmpText() {
    }

    static String describe(Icmp m) {
        int type = m.type();
        int code = m.code();
        return switch (type) {
            case Icmp.ECHO_REPLY -> "echo reply, id " + m.id() + ", seq " + m.seq();
            case Icmp.ECHO_REQUEST -> "echo request, id " + m.id() + ", seq " + m.seq();
            case 4 -> "source quench";
            case 13 -> "time stamp query id " + m.id() + " seq " + m.seq();
            case Icmp.UNREACHABLE -> m.body() instanceof IcmpQuote q ? unreachable(code, q, m.rest()) : "type-#3";
            case Icmp.REDIRECT -> m.body() instanceof IcmpQuote q ? redirect(code, q, (int) m.rest()) : "type-#5";
            case Icmp.TIME_EXCEEDED -> code == 0 ? "time exceeded in-transit"
                    : code == 1 ? "ip reassembly time exceeded" : "time exceeded-#" + code;
            default -> "type-#" + type;
        };
    }

    private static String unreachable(int code, IcmpQuote q, long rest) {
        String dst = Ipv4.format(q.dst());
        if (code == 3) {
            int proto = q.protocol();
            int port = q.payloadU16(2);
            return switch (proto) {
                case 6 -> dst + " tcp port " + port + " unreachable";
                case 17 -> dst + " udp port " + port + " unreachable";
                default -> dst + " protocol " + proto + " port " + port + " unreachable";
            };
        }
        if (code == 4) {
            int mtu = (int) (rest & 0xffff);
            return mtu == 0 ? dst + " unreachable - need to frag" : dst + " unreachable - need to frag (mtu " + mtu + ")";
        }
        if (code < UNREACHABLE.length) {
            return code == 2 ? String.format(UNREACHABLE[2], dst, q.protocol()) : String.format(UNREACHABLE[code], dst);
        }
        return dst + " unreachable - #" + code;
    }

    private static String redirect(int code, IcmpQuote q, int gateway) {
        String dst = Ipv4.format(q.dst());
        String gw = Ipv4.format(gateway);
        return switch (code) {
            case 0 -> "redirect " + dst + " to net " + gw;
            case 1 -> "redirect " + dst + " to host " + gw;
            case 2 -> "redirect-tos " + dst + " to net " + gw;
            case 3 -> "redirect-tos " + dst + " to host " + gw;
            default -> "redirect-#" + code + " " + dst + " to " + gw;
        };
    }
}
