package dev.packetwalk.net.packet;

import java.util.Arrays;

/**
 * The body of an ICMP error: the offending packet's IPv4 header and the first bytes of its
 * payload (at least 8, which hold the ports), exactly as quoted.
 */
public final class IcmpQuote implements IcmpBody {
    private final byte[] bytes;

    private IcmpQuote(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The quote of {@code offending}: its header and the first 8 bytes of its payload. */
    public static IcmpQuote of(Ipv4Packet offending) {
        byte[] all = new byte[offending.totalLength()];
        offending.write(all, 0);
        return new IcmpQuote(Arrays.copyOf(all, Math.min(all.length, Ipv4Packet.HEADER + 8)));
    }

    /** Reads a quote from an ICMP body; null when it does not start with an option-less IPv4 header. */
    public static IcmpQuote parse(byte[] b, int off, int len) {
        if (len < Ipv4Packet.HEADER || b[off] != 0x45) {
            return null;
        }
        return new IcmpQuote(Arrays.copyOfRange(b, off, off + len));
    }

    public int src() {
        return (int) Wire.u32(bytes, 12);
    }

    public int dst() {
        return (int) Wire.u32(bytes, 16);
    }

    public int protocol() {
        return bytes[9] & 0xff;
    }

    /** The quoted packet's total length field. */
    public int totalLength() {
        return Wire.u16(bytes, 2);
    }

    /** The number of payload bytes quoted after the header. */
    public int payloadBytes() {
        return bytes.length - Ipv4Packet.HEADER;
    }

    /** The 16-bit word at {@code offset} of the quoted payload (source port at 0, destination at 2). */
    public int payloadU16(int offset) {
        return Wire.u16(bytes, Ipv4Packet.HEADER + offset);
    }

    public int payloadU8(int offset) {
        return bytes[Ipv4Packet.HEADER + offset] & 0xff;
    }

    @Override
    public int length() {
        return bytes.length;
    }

    @Override
    public int write(byte[] b, int off) {
        System.arraycopy(bytes, 0, b, off, bytes.length);
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IcmpQuote q && Arrays.equals(bytes, q.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "IcmpQuote[" + bytes.length + " bytes, proto " + protocol() + "]";
    }
}
