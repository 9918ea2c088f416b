package dev.packetwalk.net.packet;

import java.util.Objects;

/**
 * An IPv4 packet without options. {@code flags} holds DF ({@link #DF}) and MF ({@link #MF});
 * {@code fragOffset} counts 8-byte units. Fragments (MF set or a non-zero offset) carry
 * {@link RawIp} bytes, as their L4 header is not whole.
 */
public record Ipv4Packet(int tos, int id, int flags, int fragOffset, int ttl, int src, int dst, IpPayload payload)
        implements EtherPayload {
    public static final int ETHERTYPE = 0x0800;
    public static final int HEADER = 20;
    public static final int DF = 2;
    public static final int MF = 1;

    public Ipv4Packet {
        byteRange("TOS", tos);
        byteRange("TTL", ttl);
        if (id < 0 || id > 0xffff) {
            throw new IllegalArgumentException("IP id must be 0..65535, not " + id);
        }
        if (flags < 0 || flags > 3) {
            throw new IllegalArgumentException("IP flags must be DF|MF bits, not " + flags);
        }
        if (fragOffset < 0 || fragOffset > 0x1fff) {
            throw new IllegalArgumentException("fragment offset must be 0..8191, not " + fragOffset);
        }
        Objects.requireNonNull(payload, "payload");
        if (isFragment(flags, fragOffset) && !(payload instanceof RawIp)) {
            throw new IllegalArgumentException("a fragment carries raw bytes (RawIp), not " + payload.getClass().getSimpleName());
        }
        if (HEADER + payload.length() > 0xffff) {
            throw new IllegalArgumentException("IP packet longer than 65535 bytes");
        }
    }

    private static void byteRange(String what, int v) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException(what + " must be 0..255, not " + v);
        }
    }

    private static boolean isFragment(int flags, int fragOffset) {
        return (flags & MF) != 0 || fragOffset != 0;
    }

    /** A packet as Linux sends it: TOS 0, id 0, DF, TTL 64. */
    public static Ipv4Packet of(int src, int dst, IpPayload payload) {
        return new Ipv4Packet(0, 0, DF, 0, 64, src, dst, payload);
    }

    public boolean isFragment() {
        return isFragment(flags, fragOffset);
    }

    public int protocol() {
        return payload.protocol();
    }

    public int totalLength() {
        return HEADER + payload.length();
    }

    public Ipv4Packet withTos(int v) {
        return new Ipv4Packet(v, id, flags, fragOffset, ttl, src, dst, payload);
    }

    public Ipv4Packet withId(int v) {
        return new Ipv4Packet(tos, v, flags, fragOffset, ttl, src, dst, payload);
    }

    public Ipv4Packet withFragment(int newFlags, int newOffset) {
        return new Ipv4Packet(tos, id, newFlags, newOffset, ttl, src, dst, payload);
    }

    public Ipv4Packet withTtl(int v) {
        return new Ipv4Packet(tos, id, flags, fragOffset, v, src, dst, payload);
    }

    public Ipv4Packet withSrc(int v) {
        return new Ipv4Packet(tos, id, flags, fragOffset, ttl, v, dst, payload);
    }

    public Ipv4Packet withDst(int v) {
        return new Ipv4Packet(tos, id, flags, fragOffset, ttl, src, v, payload);
    }

    public Ipv4Packet withPayload(IpPayload v) {
        return new Ipv4Packet(tos, id, flags, fragOffset, ttl, src, dst, v);
    }

    @Override
    public int etherType() {
        return ETHERTYPE;
    }

    @Override
    public int length() {
        return totalLength();
    }

    @Override
    public int write(byte[] b, int off) {
        writeHeader(b, off);
        return HEADER + payload.write(b, off + HEADER, src, dst);
    }

    /** Writes the 20-byte header with its checksum. */
    public void writeHeader(byte[] b, int off) {
        b[off] = 0x45;
        b[off + 1] = (byte) tos;
        Wire.u16(b, off + 2, totalLength());
        Wire.u16(b, off + 4, id);
        Wire.u16(b, off + 6, (flags << 13) | fragOffset);
        b[off + 8] = (byte) ttl;
        b[off + 9] = (byte) payload.protocol();
        Wire.u16(b, off + 10, 0);
        Wire.u32(b, off + 12, src);
        Wire.u32(b, off + 16, dst);
        Wire.u16(b, off + 10, InternetChecksum.finish(InternetChecksum.add(0, b, off, HEADER)));
    }
}
