package dev.packetwalk.net.packet;

/** Big-endian (network order) reads and writes on byte arrays, as on the wire. */
public final class Wire {
    private Wire() {
    }

    public static void u8(byte[] b, int off, int v) {
        b[off] = (byte) v;
    }

    public static void u16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void u32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static void mac(byte[] b, int off, long mac) {
        for (int i = 0; i < 6; i++) {
            b[off + i] = (byte) (mac >>> (40 - 8 * i));
        }
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    public static long u32(byte[] b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    public static long mac(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }
}
