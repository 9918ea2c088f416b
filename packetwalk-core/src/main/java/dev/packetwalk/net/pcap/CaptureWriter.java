package dev.packetwalk.net.pcap;

import java.io.Closeable;
import java.io.IOException;

import dev.packetwalk.net.packet.Frame;

/** Writes Ethernet frames with their virtual-clock timestamps to a capture file. */
public interface CaptureWriter extends Closeable {
    /** Writes {@code frame} captured at {@code nanos} on the simulation clock. */
    void write(long nanos, Frame frame) throws IOException;

    /** Writes the already serialised frame {@code b[off, off+len)}. */
    void write(long nanos, byte[] b, int off, int len) throws IOException;
}
