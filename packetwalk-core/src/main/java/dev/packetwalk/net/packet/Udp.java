package dev.packetwalk.net.packet;

import java.util.Objects;

/**
 * A UDP datagram. With {@code checksum} false the checksum field is 0 ("none"), as Linux
 * sends VXLAN by default; otherwise it is computed over the pseudo-header (0 sent as 0xffff).
 */
public record Udp(int srcPort, int dstPort, UdpPayload payload, boolean checksum) implements IpPayload {
    public static final int PROTOCOL = 17;
    public static final int HEADER = 8;

    public Udp {
        checkPort(srcPort);
        checkPort(dstPort);
        Objects.requireNonNull(payload, "payload");
        if (HEADER + payload.length() > 0xffff) {
            throw new IllegalArgumentException("UDP datagram longer than 65535 bytes");
        }
    }

    static void checkPort(int port) {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
    }

    /** A datagram with a computed checksum. */
    public static Udp of(int srcPort, int dstPort, Data data) {
        return new Udp(srcPort, dstPort, data, true);
    }

    /** A VXLAN datagram to port 4789 with checksum 0, as the Linux vxlan driver sends by default. */
    public static Udp vxlan(int srcPort, Vxlan vxlan) {
        return new Udp(srcPort, Vxlan.PORT, vxlan, false);
    }

    public Udp withPorts(int src, int dst) {
        return new Udp(src, dst, payload, checksum);
    }

    public Udp withPayload(UdpPayload v) {
        return new Udp(srcPort, dstPort, v, checksum);
    }

    public Udp withChecksum(boolean v) {
        return new Udp(srcPort, dstPort, payload, v);
    }

    @Override
    public int protocol() {
        return PROTOCOL;
    }

    @Override
    public int length() {
        return HEADER + payload.length();
    }

    @Override
    public int write(byte[] b, int off, int src, int dst) {
        int n = length();
        Wire.u16(b, off, srcPort);
        Wire.u16(b, off + 2, dstPort);
        Wire.u16(b, off + 4, n);
        Wire.u16(b, off + 6, 0);
        payload.write(b, off + HEADER);
        if (checksum) {
            long sum = InternetChecksum.add(InternetChecksum.pseudoHeader(src, dst, PROTOCOL, n), b, off, n);
            int c = InternetChecksum.finish(sum);
            Wire.u16(b, off + 6, c == 0 ? 0xffff : c);
        }
        return n;
    }
}
