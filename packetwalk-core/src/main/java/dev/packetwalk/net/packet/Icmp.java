package dev.packetwalk.net.packet;

import java.util.Objects;

/**
 * An ICMP message: type, code, the 32-bit "rest of header" ({@code id << 16 | seq} for echo,
 * the next-hop MTU for "fragmentation needed", the gateway for redirects) and a body.
 */
public record Icmp(int type, int code, long rest, IcmpBody body) implements IpPayload {
    public static final int PROTOCOL = 1;
    public static final int HEADER = 8;
    public static final int ECHO_REPLY = 0;
    public static final int UNREACHABLE = 3;
    public static final int REDIRECT = 5;
    public static final int ECHO_REQUEST = 8;
    public static final int TIME_EXCEEDED = 11;

    public Icmp {
        if (type < 0 || type > 255 || code < 0 || code > 255) {
            throw new IllegalArgumentException("ICMP type and code must be 0..255: " + type + "/" + code);
        }
        if ((rest >>> 32) != 0) {
            throw new IllegalArgumentException("ICMP rest-of-header must be 32 bits");
        }
        Objects.requireNonNull(body, "body");
    }

    public static Icmp echoRequest(int id, int seq, Data data) {
        return new Icmp(ECHO_REQUEST, 0, echoRest(id, seq), data);
    }

    public static Icmp echoReply(int id, int seq, Data data) {
        return new Icmp(ECHO_REPLY, 0, echoRest(id, seq), data);
    }

    /** An error (unreachable, time exceeded, ...) quoting the offending packet. */
    public static Icmp error(int type, int code, Ipv4Packet offending) {
        return new Icmp(type, code, 0, IcmpQuote.of(offending));
    }

    private static long echoRest(int id, int seq) {
        if (id < 0 || id > 0xffff || seq < 0 || seq > 0xffff) {
            throw new IllegalArgumentException("ICMP echo id and seq must be 0..65535");
        }
        return ((long) id << 16) | seq;
    }

    /** True for the types whose body quotes the offending packet. */
    public static boolean isError(int type) {
        return type == UNREACHABLE || type == 4 || type == REDIRECT || type == TIME_EXCEEDED || type == 12;
    }

    public int id() {
        return (int) (rest >>> 16);
    }

    public int seq() {
        return (int) (rest & 0xffff);
    }

    public Icmp withType(int v) {
        return new Icmp(v, code, rest, body);
    }

    public Icmp withCode(int v) {
        return new Icmp(type, v, rest, body);
    }

    @Override
    public int protocol() {
        return PROTOCOL;
    }

    @Override
    public int length() {
        return HEADER + body.length();
    }

    @Override
    public int write(byte[] b, int off, int src, int dst) {
        b[off] = (byte) type;
        b[off + 1] = (byte) code;
        Wire.u16(b, off + 2, 0);
        Wire.u32(b, off + 4, rest);
        int n = HEADER + body.write(b, off + HEADER);
        Wire.u16(b, off + 2, InternetChecksum.finish(InternetChecksum.add(0, b, off, n)));
        return n;
    }
}
