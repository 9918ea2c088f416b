package dev.packetwalk.net.pcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.packetwalk.net.packet.Frame;

/**
 * The classic libpcap format (version 2.4, little-endian, microsecond timestamps,
 * LINKTYPE_ETHERNET), as {@code tcpdump -w} writes it.
 */
public final class PcapWriter implements CaptureWriter {
    public static final int MAGIC_MICROS = 0xa1b2c3d4;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int SNAPLEN = 262144;

    private final OutputStream out;
    private final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    private final FrameBuffer buffer = new FrameBuffer();

    public PcapWriter(OutputStream out) throws IOException {
        this.out = new BufferedOutputStream(out);
        header.putInt(MAGIC_MICROS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
                .putInt(LINKTYPE_ETHERNET);
        this.out.write(header.array(), 0, 24);
    }

    @Override
    public void write(long nanos, Frame frame) throws IOException {
        int n = buffer.put(frame);
        write(nanos, buffer.bytes(), 0, n);
    }

    @Override
    public void write(long nanos, byte[] b, int off, int len) throws IOException {
        if (nanos < 0) {
            throw new IllegalArgumentException("capture time before the epoch: " + nanos);
        }
        header.clear();
        header.putInt((int) (nanos / 1_000_000_000L)).putInt((int) (nanos % 1_000_000_000L / 1000)).putInt(len)
                .putInt(len);
        out.write(header.array(), 0, 16);
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
