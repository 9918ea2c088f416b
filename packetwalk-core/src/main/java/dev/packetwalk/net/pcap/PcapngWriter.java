package dev.packetwalk.net.pcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import dev.packetwalk.net.packet.Frame;

/**
 * The pcapng format: a section header, one Ethernet interface (named, microsecond
 * resolution) and one enhanced packet block per frame, little-endian.
 */
public final class PcapngWriter implements CaptureWriter {
    private static final int SHB = 0x0a0d0d0a;
    private static final int IDB = 0x00000001;
    private static final int EPB = 0x00000006;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    private static final short OPT_END = 0;
    private static final short IF_NAME = 2;
    private static final short IF_TSRESOL = 9;

    private final OutputStream out;
    private final ByteBuffer scratch = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    private final FrameBuffer buffer = new FrameBuffer();

    /** Starts a file with one interface called {@code interfaceName} (e.g. {@code tap0e6fb773-92}). */
    public PcapngWriter(OutputStream out, String interfaceName) throws IOException {
        this.out = new BufferedOutputStream(out);
        ByteBuffer s = scratch;
        s.clear();
        s.putInt(SHB).putInt(28).putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L).putInt(28);
        this.out.write(s.array(), 0, s.position());
        byte[] name = interfaceName.getBytes(StandardCharsets.UTF_8);
        if (name.length > 200) {
            throw new IllegalArgumentException("interface name too long for a capture: " + interfaceName);
        }
        int nameLen = pad4(name.length);
        int len = 20 + 4 + nameLen + 8 + 4;
        s.clear();
        s.putInt(IDB).putInt(len).putShort((short) PcapWriter.LINKTYPE_ETHERNET).putShort((short) 0).putInt(0);
        s.putShort(IF_NAME).putShort((short) name.length).put(name);
        for (int i = name.length; i < nameLen; i++) {
            s.put((byte) 0);
        }
        s.putShort(IF_TSRESOL).putShort((short) 1).put((byte) 6).put(new byte[3]);
        s.putShort(OPT_END).putShort((short) 0).putInt(len);
        this.out.write(s.array(), 0, s.position());
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
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
        long micros = nanos / 1000;
        int total = 32 + pad4(len);
        scratch.clear();
        scratch.putInt(EPB).putInt(total).putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros).putInt(len)
                .putInt(len);
        out.write(scratch.array(), 0, 28);
        out.write(b, off, len);
        scratch.clear();
        for (int i = len; i < pad4(len); i++) {
            scratch.put((byte) 0);
        }
        scratch.putInt(total);
        out.write(scratch.array(), 0, scratch.position());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
