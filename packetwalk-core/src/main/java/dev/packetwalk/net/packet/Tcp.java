package dev.packetwalk.net.packet;

import java.util.Objects;

/**
 * A TCP segment without options. {@code flags} are the 12 bits OVS calls tcp_flags
 * ({@link #FIN} .. {@link #NS} and three reserved bits).
 */
public record Tcp(int srcPort, int dstPort, long seq, long ack, int flags, int window, int urgent, Data data)
        implements IpPayload {
    public static final int PROTOCOL = 6;
    public static final int HEADER = 20;
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;
    public static final int NS = 0x100;

    public Tcp {
        Udp.checkPort(srcPort);
        Udp.checkPort(dstPort);
        if ((seq >>> 32) != 0 || (ack >>> 32) != 0) {
            throw new IllegalArgumentException("TCP seq and ack must be 32-bit unsigned");
        }
        if (flags < 0 || flags > 0xfff) {
            throw new IllegalArgumentException("TCP flags must be 12 bits, not 0x" + Integer.toHexString(flags));
        }
        if (window < 0 || window > 0xffff || urgent < 0 || urgent > 0xffff) {
            throw new IllegalArgumentException("TCP window and urgent pointer must be 16 bits");
        }
        Objects.requireNonNull(data, "data");
    }

    /** A segment with the given flags, no data, window 64240 (Linux's first SYN window). */
    public static Tcp of(int srcPort, int dstPort, long seq, long ack, int flags) {
        return new Tcp(srcPort, dstPort, seq, ack, flags, 64240, 0, Data.EMPTY);
    }

    public Tcp withPorts(int src, int dst) {
        return new Tcp(src, dst, seq, ack, flags, window, urgent, data);
    }

    public Tcp withFlags(int v) {
        return new Tcp(srcPort, dstPort, seq, ack, v, window, urgent, data);
    }

    public Tcp withWindow(int v) {
        return new Tcp(srcPort, dstPort, seq, ack, flags, v, urgent, data);
    }

    public Tcp withData(Data v) {
        return new Tcp(srcPort, dstPort, seq, ack, flags, window, urgent, v);
    }

    @Override
    public int protocol() {
        return PROTOCOL;
    }

    @Override
    public int length() {
        return HEADER + data.length();
    }

    @Override
    public int write(byte[] b, int off, int src, int dst) {
        Wire.u16(b, off, srcPort);
        Wire.u16(b, off + 2, dstPort);
        Wire.u32(b, off + 4, seq);
        Wire.u32(b, off + 8, ack);
        b[off + 12] = (byte) (0x50 | (flags >>> 8));
        b[off + 13] = (byte) flags;
        Wire.u16(b, off + 14, window);
        Wire.u16(b, off + 16, 0);
        Wire.u16(b, off + 18, urgent);
        int n = HEADER + data.write(b, off + HEADER);
        long sum = InternetChecksum.add(InternetChecksum.pseudoHeader(src, dst, PROTOCOL, n), b, off, n);
        Wire.u16(b, off + 16, InternetChecksum.finish(sum));
        return n;
    }
}
