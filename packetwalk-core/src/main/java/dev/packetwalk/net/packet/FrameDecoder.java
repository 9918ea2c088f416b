package dev.packetwalk.net.packet;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Ethernet frames from bytes into {@link Frame} values. What is not modelled (IPv4
 * options, TCP options, unknown protocols, malformed headers) is kept as raw bytes, so nothing
 * is lost; bytes after the IPv4 total length (Ethernet padding) are dropped.
 */
public final class FrameDecoder {
    private FrameDecoder() {
    }

    public static Frame decode(byte[] b) {
        return decode(b, 0, b.length);
    }

    /** Decodes {@code b[off, off+len)}; IllegalArgumentException when it is not an Ethernet frame. */
    public static Frame decode(byte[] b, int off, int len) {
        if (len < Frame.HEADER) {
            throw new IllegalArgumentException("truncated Ethernet header: " + len + " bytes");
        }
        long dst = Wire.mac(b, off);
        long src = Wire.mac(b, off + 6);
        int at = off + 12;
        int end = off + len;
        List<VlanTag> tags = new ArrayList<>(2);
        int type = Wire.u16(b, at);
        while (type == VlanTag.TPID) {
            if (tags.size() == Frame.MAX_TAGS) {
                throw new IllegalArgumentException("more than " + Frame.MAX_TAGS + " VLAN tags");
            }
            if (end - at < 6) {
                throw new IllegalArgumentException("truncated 802.1Q tag");
            }
            tags.add(VlanTag.ofTci(Wire.u16(b, at + 2)));
            at += 4;
            type = Wire.u16(b, at);
        }
        at += 2;
        return new Frame(dst, src, tags, payload(type, b, at, end - at));
    }

    private static EtherPayload payload(int type, byte[] b, int off, int len) {
        if (type == Arp.ETHERTYPE && len >= Arp.LENGTH && Wire.u16(b, off) == 1
                && Wire.u16(b, off + 2) == Ipv4Packet.ETHERTYPE && b[off + 4] == 6 && b[off + 5] == 4) {
            return new Arp(Wire.u16(b, off + 6), Wire.mac(b, off + 8), (int) Wire.u32(b, off + 14),
                    Wire.mac(b, off + 18), (int) Wire.u32(b, off + 24));
        }
        if (type == Ipv4Packet.ETHERTYPE && len >= Ipv4Packet.HEADER && b[off] == 0x45) {
            int total = Wire.u16(b, off + 2);
            if (total >= Ipv4Packet.HEADER && total <= len) {
                return ipv4(b, off, total);
            }
        }
        return new RawEther(type, Data.of(b, off, len));
    }

    private static Ipv4Packet ipv4(byte[] b, int off, int total) {
        int fragWord = Wire.u16(b, off + 6);
        int flags = fragWord >>> 13;
        int fragOffset = fragWord & 0x1fff;
        int proto = b[off + 9] & 0xff;
        int src = (int) Wire.u32(b, off + 12);
        int dst = (int) Wire.u32(b, off + 16);
        int p = off + Ipv4Packet.HEADER;
        int n = total - Ipv4Packet.HEADER;
        IpPayload payload = (flags & Ipv4Packet.MF) != 0 || fragOffset != 0
                ? new RawIp(proto, Data.of(b, p, n))
                : l4(proto, b, p, n);
        return new Ipv4Packet(b[off + 1] & 0xff, Wire.u16(b, off + 4), flags & 3, fragOffset, b[off + 8] & 0xff,
                src, dst, payload);
    }

    private static IpPayload l4(int proto, byte[] b, int off, int len) {
        if (proto == Icmp.PROTOCOL && len >= Icmp.HEADER) {
            int type = b[off] & 0xff;
            int bodyLen = len - Icmp.HEADER;
            IcmpBody body = Icmp.isError(type) ? IcmpQuote.parse(b, off + Icmp.HEADER, bodyLen) : null;
            if (body == null) {
                body = Data.of(b, off + Icmp.HEADER, bodyLen);
            }
            return new Icmp(type, b[off + 1] & 0xff, Wire.u32(b, off + 4), body);
        }
        if (proto == Tcp.PROTOCOL && len >= Tcp.HEADER && (b[off + 12] & 0xf0) == 0x50) {
            int flags = ((b[off + 12] & 0x0f) << 8) | (b[off + 13] & 0xff);
            return new Tcp(Wire.u16(b, off), Wire.u16(b, off + 2), Wire.u32(b, off + 4), Wire.u32(b, off + 8), flags,
                    Wire.u16(b, off + 14), Wire.u16(b, off + 18), Data.of(b, off + Tcp.HEADER, len - Tcp.HEADER));
        }
        if (proto == Udp.PROTOCOL && len >= Udp.HEADER && Wire.u16(b, off + 4) == len) {
            int dstPort = Wire.u16(b, off + 2);
            UdpPayload payload = dstPort == Vxlan.PORT ? vxlan(b, off + Udp.HEADER, len - Udp.HEADER) : null;
            if (payload == null) {
                payload = Data.of(b, off + Udp.HEADER, len - Udp.HEADER);
            }
            return new Udp(Wire.u16(b, off), dstPort, payload, Wire.u16(b, off + 6) != 0);
        }
        return new RawIp(proto, Data.of(b, off, len));
    }

    private static Vxlan vxlan(byte[] b, int off, int len) {
        if (len < Vxlan.HEADER + Frame.HEADER || (Wire.u32(b, off) & 0x00ffffffL) != 0 || (b[off + 7] != 0)) {
            return null;
        }
        try {
            return new Vxlan(b[off] & 0xff, (int) (Wire.u32(b, off + 4) >>> 8),
                    decode(b, off + Vxlan.HEADER, len - Vxlan.HEADER));
        } catch (IllegalArgumentException notAFrame) {
            return null;
        }
    }
}
