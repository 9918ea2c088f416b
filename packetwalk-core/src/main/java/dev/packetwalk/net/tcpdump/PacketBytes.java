package dev.packetwalk.net.tcpdump;

/**
 * A frame's bytes as a BPF program sees them: a load past the end rejects the packet, which
 * {@link #OUT_OF_PACKET} signals to the evaluator.
 */
final class PacketBytes {
    static final RuntimeException OUT_OF_PACKET = new RuntimeException("load past the end of the packet", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    byte[] b;
    int off;
    int len;

    void set(byte[] bytes, int offset, int length) {
        this.b = bytes;
        this.off = offset;
        this.len = length;
    }

    int u8(int i) {
        if (i < 0 || i >= len) {
            throw OUT_OF_PACKET;
        }
        return b[off + i] & 0xff;
    }

    int u16(int i) {
        return (u8(i) << 8) | u8(i + 1);
    }

    long u32(int i) {
        return ((long) u16(i) << 16) | u16(i + 2);
    }

    long mac(int i) {
        return (u32(i) << 16) | u16(i + 4);
    }

    int length() {
        return len;
    }
}
