package dev.packetwalk.net.packet;

import java.util.Objects;

/** A VXLAN header (RFC 7348: flags, 24-bit VNI) and the Ethernet frame it carries. */
public record Vxlan(int flags, int vni, Frame inner) implements UdpPayload {
    public static final int PORT = 4789;
    public static final int HEADER = 8;
    /** The I flag: the VNI is valid. */
    public static final int FLAG_VNI = 0x08;

    public Vxlan {
        if (flags < 0 || flags > 255) {
            throw new IllegalArgumentException("VXLAN flags must be 8 bits");
        }
        if (vni < 0 || vni > 0xffffff) {
            throw new IllegalArgumentException("VNI must be 0..16777215, not " + vni);
        }
        Objects.requireNonNull(inner, "inner");
    }

    public static Vxlan of(int vni, Frame inner) {
        return new Vxlan(FLAG_VNI, vni, inner);
    }

    @Override
    public int length() {
        return HEADER + inner.length();
    }

    @Override
    public int write(byte[] b, int off) {
        Wire.u32(b, off, (long) flags << 24);
        Wire.u32(b, off + 4, (long) vni << 8);
        return HEADER + inner.write(b, off + HEADER);
    }
}
