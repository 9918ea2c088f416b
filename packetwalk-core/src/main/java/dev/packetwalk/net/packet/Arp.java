package dev.packetwalk.net.packet;

/** An Ethernet/IPv4 ARP message (hardware type 1, protocol 0x0800). */
public record Arp(int op, long sha, int spa, long tha, int tpa) implements EtherPayload {
    public static final int ETHERTYPE = 0x0806;
    public static final int REQUEST = 1;
    public static final int REPLY = 2;
    public static final int LENGTH = 28;

    public Arp {
        if (op < 0 || op > 0xffff) {
            throw new IllegalArgumentException("ARP opcode must be 16 bits: " + op);
        }
        if ((sha >>> 48) != 0 || (tha >>> 48) != 0) {
            throw new IllegalArgumentException("ARP hardware addresses must be 48 bits");
        }
    }

    /** "who-has tpa tell spa": target hardware address zero. */
    public static Arp request(long sha, int spa, int tpa) {
        return new Arp(REQUEST, sha, spa, 0, tpa);
    }

    /** "spa is-at sha", answering {@code tha}/{@code tpa}. */
    public static Arp reply(long sha, int spa, long tha, int tpa) {
        return new Arp(REPLY, sha, spa, tha, tpa);
    }

    public Arp withOp(int v) {
        return new Arp(v, sha, spa, tha, tpa);
    }

    public Arp withSha(long v) {
        return new Arp(op, v, spa, tha, tpa);
    }

    public Arp withSpa(int v) {
        return new Arp(op, sha, v, tha, tpa);
    }

    public Arp withTha(long v) {
        return new Arp(op, sha, spa, v, tpa);
    }

    public Arp withTpa(int v) {
        return new Arp(op, sha, spa, tha, v);
    }

    @Override
    public int etherType() {
        return ETHERTYPE;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public int write(byte[] b, int off) {
        Wire.u16(b, off, 1);
        Wire.u16(b, off + 2, Ipv4Packet.ETHERTYPE);
        b[off + 4] = 6;
        b[off + 5] = 4;
        Wire.u16(b, off + 6, op);
        Wire.mac(b, off + 8, sha);
        Wire.u32(b, off + 14, spa);
        Wire.mac(b, off + 18, tha);
        Wire.u32(b, off + 24, tpa);
        return LENGTH;
    }
}
