package dev.packetwalk.linux.netfilter;

/**
 * The header fields netfilter looks at, as one immutable value: IPv4 addresses, protocol and
 * ports (or ICMP type/code), TCP flags, the in/out devices, the bridge ports (physdev) when
 * the packet crosses a Linux bridge with br_netfilter, the skb mark, the source MAC, and the
 * conntrack view (state bits, zone, connmark). Interface names are null when absent.
 *
 * @param ctState a {@link CtState} bit set (0 = not looked up yet)
 */
public record Packet(int src, int dst, int proto, int sport, int dport, int icmpType, int icmpCode,
                     int tcpFlags, String in, String out, String physIn, String physOut,
                     boolean bridged, long srcMac, int mark, int ctState, int ctZone, int ctMark,
                     int length) {
    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;

    public static Packet tcp(int src, int sport, int dst, int dport) {
        return new Packet(src, dst, TCP, sport, dport, 0, 0, 0x02, null, null, null, null, false,
                0, 0, 0, 0, 0, 60);
    }

    public static Packet udp(int src, int sport, int dst, int dport) {
        return new Packet(src, dst, UDP, sport, dport, 0, 0, 0, null, null, null, null, false,
                0, 0, 0, 0, 0, 60);
    }

    public static Packet icmp(int src, int dst, int type, int code) {
        return new Packet(src, dst, ICMP, 0, 0, type, code, 0, null, null, null, null, false,
                0, 0, 0, 0, 0, 84);
    }

    public Packet withDevices(String inDev, String outDev) {
        return new Packet(src, dst, proto, sport, dport, icmpType, icmpCode, tcpFlags, inDev, outDev,
                physIn, physOut, bridged, srcMac, mark, ctState, ctZone, ctMark, length);
    }

    public Packet withBridgePorts(String physInDev, String physOutDev) {
        return new Packet(src, dst, proto, sport, dport, icmpType, icmpCode, tcpFlags, in, out,
                physInDev, physOutDev, true, srcMac, mark, ctState, ctZone, ctMark, length);
    }

    public Packet withSrcMac(long mac) {
        return new Packet(src, dst, proto, sport, dport, icmpType, icmpCode, tcpFlags, in, out,
                physIn, physOut, bridged, mac, mark, ctState, ctZone, ctMark, length);
    }

    public Packet withMark(int newMark) {
        return new Packet(src, dst, proto, sport, dport, icmpType, icmpCode, tcpFlags, in, out,
                physIn, physOut, bridged, srcMac, newMark, ctState, ctZone, ctMark, length);
    }

    public Packet withConntrack(int state, int zone, int connmark) {
        return new Packet(src, dst, proto, sport, dport, icmpType, icmpCode, tcpFlags, in, out,
                physIn, physOut, bridged, srcMac, mark, state, zone, connmark, length);
    }

    public Packet withAddresses(int newSrc, int newSport, int newDst, int newDport) {
        return new Packet(newSrc, newDst, proto, newSport, newDport, icmpType, icmpCode, tcpFlags,
                in, out, physIn, physOut, bridged, srcMac, mark, ctState, ctZone, ctMark, length);
    }

    public Packet withLength(int bytes) {
        return new Packet(src, dst, proto, sport, dport, icmpType, icmpCode, tcpFlags, in, out,
                physIn, physOut, bridged, srcMac, mark, ctState, ctZone, ctMark, bytes);
    }
}
