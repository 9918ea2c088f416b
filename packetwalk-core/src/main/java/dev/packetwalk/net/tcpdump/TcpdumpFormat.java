package dev.packetwalk.net.tcpdump;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.net.packet.Arp;
import dev.packetwalk.net.packet.Data;
import dev.packetwalk.net.packet.EtherPayload;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.packet.RawEther;
import dev.packetwalk.net.packet.RawIp;
import dev.packetwalk.net.packet.Tcp;
import dev.packetwalk.net.packet.Udp;
import dev.packetwalk.net.packet.VlanTag;
import dev.packetwalk.net.packet.Vxlan;

/**
 * Prints frames as tcpdump 4.99 does with {@code -n} (and {@code -e}, {@code -v} as chosen).
 * One instance is one capture session: it remembers TCP conversations for relative sequence
 * numbers, as tcpdump does. Time is the virtual clock's, printed as UTC time of day.
 */
public final class TcpdumpFormat {
    private final TcpdumpOptions options;
    private final TcpConversations tcp = new TcpConversations();
    private final IpVerbose verbose;

    public TcpdumpFormat(TcpdumpOptions options) {
        this.options = options;
        this.verbose = new IpVerbose(options.verbosity());
    }

    /** The output of one captured frame (several lines for VXLAN and with -v), without a final newline. */
    public String format(long nanos, Frame f) {
        StringBuilder sb = new StringBuilder(128);
        appendTime(sb, nanos);
        sb.append(' ');
        appendFrame(sb, f);
        return sb.toString();
    }

    /** {@code HH:MM:SS.uuuuuu} of the day, UTC. */
    public static void appendTime(StringBuilder sb, long nanos) {
        long micros = nanos / 1000;
        long secs = micros / 1_000_000;
        long day = secs % 86400;
        two(sb, day / 3600).append(':');
        two(sb, day / 60 % 60).append(':');
        two(sb, day % 60).append('.');
        String us = Long.toString(micros % 1_000_000);
        sb.append("000000", 0, 6 - us.length()).append(us);
    }

    private static StringBuilder two(StringBuilder sb, long v) {
        return sb.append(v < 10 ? "0" : "").append(v);
    }

    void appendFrame(StringBuilder sb, Frame f) {
        EtherPayload p = f.payload();
        boolean modelled = p instanceof Ipv4Packet || p instanceof Arp;
        if (options.linkHeader() || !modelled) {
            linkHeader(sb, f);
        }
        if (p instanceof Ipv4Packet ip) {
            ipv4(sb, ip);
        } else if (p instanceof Arp arp) {
            arp(sb, arp);
        } else {
            HexDump.append(sb, ((RawEther) p).data());
        }
    }

    private void linkHeader(StringBuilder sb, Frame f) {
        MacAddress.appendTo(sb, f.src());
        sb.append(" > ");
        MacAddress.appendTo(sb, f.dst());
        sb.append(", ");
        if (f.vlans().isEmpty()) {
            etherType(sb, f.etherType());
            sb.append(", length ").append(f.length()).append(": ");
            return;
        }
        etherType(sb, VlanTag.TPID);
        sb.append(", length ").append(f.length()).append(": ");
        for (int i = 0; i < f.vlans().size(); i++) {
            VlanTag t = f.vlans().get(i);
            sb.append("vlan ").append(t.vid()).append(", p ").append(t.pcp());
            if (t.dei()) {
                sb.append(", DEI");
            }
            sb.append(", ");
            etherType(sb, i + 1 < f.vlans().size() ? VlanTag.TPID : f.etherType());
            sb.append(", ");
        }
    }

    private static void etherType(StringBuilder sb, int type) {
        String name = switch (type) {
            case Ipv4Packet.ETHERTYPE -> "IPv4";
            case Arp.ETHERTYPE -> "ARP";
            case VlanTag.TPID -> "802.1Q";
            case 0x86dd -> "IPv6";
            case 0x88cc -> "LLDP";
            case 0x8035 -> "Reverse ARP";
            case 0x88a8 -> "802.1Q-QinQ";
            default -> "Unknown";
        };
        sb.append("ethertype ").append(name).append(" (0x").append(String.format("%04x", type)).append(')');
    }

    private void arp(StringBuilder sb, Arp a) {
        if (!options.linkHeader()) {
            sb.append("ARP, ");
        }
        if (options.verbosity() > 0) {
            sb.append("Ethernet (len 6), IPv4 (len 4), ");
        }
        switch (a.op()) {
            case Arp.REQUEST -> {
                sb.append("Request who-has ");
                Ipv4.appendTo(sb, a.tpa());
                if (a.tha() != 0) {
                    sb.append(" (");
                    MacAddress.appendTo(sb, a.tha());
                    sb.append(')');
                }
                sb.append(" tell ");
                Ipv4.appendTo(sb, a.spa());
            }
            case Arp.REPLY -> {
                sb.append("Reply ");
                Ipv4.appendTo(sb, a.spa());
                sb.append(" is-at ");
                MacAddress.appendTo(sb, a.sha());
            }
            default -> {
                sb.append("Unknown (").append(a.op()).append(") ");
                byte[] b = new byte[Arp.LENGTH];
                a.write(b, 0);
                HexDump.append(sb, Data.of(b));
                return;
            }
        }
        sb.append(", length ").append(Arp.LENGTH);
    }

    private void ipv4(StringBuilder sb, Ipv4Packet ip) {
        if (!options.linkHeader()) {
            sb.append("IP ");
        }
        verbose.header(sb, ip);
        if (ip.fragOffset() != 0) {
            addresses(sb, ip).append(": ip-proto-").append(ip.protocol());
            return;
        }
        if (ip.payload() instanceof Icmp m) {
            addresses(sb, ip).append(": ICMP ").append(IcmpText.describe(m)).append(", length ").append(m.length());
            verbose.quote(sb, m, options.linkHeader());
        } else if (ip.payload() instanceof Tcp t) {
            ports(sb, ip, t.srcPort(), t.dstPort());
            tcp(sb, ip, t);
        } else if (ip.payload() instanceof Udp u) {
            ports(sb, ip, u.srcPort(), u.dstPort());
            udp(sb, u);
        } else {
            RawIp raw = (RawIp) ip.payload();
            addresses(sb, ip).append(":  ip-proto-").append(raw.protocol()).append(' ').append(raw.length());
        }
    }

    private static StringBuilder addresses(StringBuilder sb, Ipv4Packet ip) {
        Ipv4.appendTo(sb, ip.src());
        sb.append(" > ");
        Ipv4.appendTo(sb, ip.dst());
        return sb;
    }

    private static void ports(StringBuilder sb, Ipv4Packet ip, int sport, int dport) {
        Ipv4.appendTo(sb, ip.src());
        sb.append('.').append(sport).append(" > ");
        Ipv4.appendTo(sb, ip.dst());
        sb.append('.').append(dport).append(": ");
    }

    private void tcp(StringBuilder sb, Ipv4Packet ip, Tcp t) {
        int flags = t.flags();
        sb.append("Flags [").append(TcpFlags.text(flags)).append("], ");
        if (options.verbosity() > 0) {
            byte[] b = new byte[t.length()];
            t.write(b, 0, ip.src(), ip.dst());
            sb.append("cksum 0x").append(String.format("%04x", ((b[16] & 0xff) << 8) | (b[17] & 0xff)))
                    .append(" (correct), ");
        }
        long seq = t.seq();
        long ack = t.ack();
        boolean hasAck = (flags & Tcp.ACK) != 0;
        if (hasAck) {
            long[] rel = tcp.relative(ip.src(), ip.dst(), t.srcPort(), t.dstPort(), seq, ack, (flags & Tcp.SYN) != 0);
            seq = rel[0];
            ack = rel[1];
        }
        int len = t.data().length();
        if (options.verbosity() > 1 || len > 0 || (flags & (Tcp.SYN | Tcp.FIN | Tcp.RST)) != 0) {
            sb.append("seq ").append(seq);
            if (len > 0) {
                sb.append(':').append((seq + len) & 0xffff_ffffL);
            }
            sb.append(", ");
        }
        if (hasAck) {
            sb.append("ack ").append(ack).append(", ");
        }
        sb.append("win ").append(t.window());
        if ((flags & Tcp.URG) != 0) {
            sb.append(", urg ").append(t.urgent());
        }
        sb.append(", length ").append(len);
        if (len == 0) {
            return;
        }
        if ((flags & Tcp.RST) != 0 && options.verbosity() > 0) {
            RstData.append(sb, t.data());
        } else if (t.srcPort() != 22 && t.dstPort() != 22 && (isHttp(t.srcPort()) || isHttp(t.dstPort()))) {
            // tcpdump tries the SSH dissector (silent without a banner) before HTTP
            sb.append(": HTTP");
        }
    }

    private static boolean isHttp(int port) {
        return port == 80 || port == 8080;
    }

    private void udp(StringBuilder sb, Udp u) {
        if (options.verbosity() > 1) {
            sb.append(u.checksum() ? "[udp sum ok] " : "[no cksum] ");
        }
        if (u.payload() instanceof Vxlan v) {
            sb.append("VXLAN, flags [").append(v.flags() == Vxlan.FLAG_VNI ? "I" : "invalid").append("] (0x")
                    .append(String.format("%02x", v.flags())).append("), vni ").append(v.vni()).append('\n');
            appendFrame(sb, v.inner());
            return;
        }
        sb.append("UDP, length ").append(u.payload().length());
    }
}
