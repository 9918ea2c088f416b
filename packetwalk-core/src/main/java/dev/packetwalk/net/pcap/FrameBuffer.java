package dev.packetwalk.net.pcap;

import dev.packetwalk.net.packet.Frame;

/** A reusable byte array that grows to hold the largest frame serialised so far. */
final class FrameBuffer {
    private byte[] bytes = new byte[2048];

    /** Serialises {@code f} into the buffer; returns the length. */
    int put(Frame f) {
        int n = f.length();
        if (n > bytes.length) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        return f.write(bytes, 0);
    }

    byte[] bytes() {
        return bytes;
    }
}
