package dev.packetwalk.net.pcap;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.FrameDecoder;

/** Reads classic libpcap files (either byte order, microsecond or nanosecond magic) with Ethernet frames. */
public final class PcapReader {
    /** One captured frame: its time in nanoseconds and its bytes. */
    public record Record(long nanos, byte[] bytes) {
        public Frame frame() {
            return FrameDecoder.decode(bytes);
        }
    }

    private PcapReader() {
    }

    /** All records of the capture; IOException naming the problem when it is not an Ethernet pcap. */
    public static List<Record> read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] header = new byte[24];
        d.readFully(header);
        int magicBe = u32(header, 0, false);
        boolean little;
        boolean nanos;
        if (magicBe == 0xa1b2c3d4 || magicBe == 0xa1b23c4d) {
            little = false;
            nanos = magicBe == 0xa1b23c4d;
        } else if (u32(header, 0, true) == 0xa1b2c3d4 || u32(header, 0, true) == 0xa1b23c4d) {
            little = true;
            nanos = u32(header, 0, true) == 0xa1b23c4d;
        } else {
            throw new IOException("not a pcap file (magic 0x" + Integer.toHexString(magicBe) + ")");
        }
        int linkType = u32(header, 20, little);
        if (linkType != PcapWriter.LINKTYPE_ETHERNET) {
            throw new IOException("link type " + linkType + " is not Ethernet");
        }
        List<Record> out = new ArrayList<>();
        byte[] rh = new byte[16];
        while (true) {
            try {
                d.readFully(rh);
            } catch (EOFException end) {
                return out;
            }
            long secs = u32(rh, 0, little) & 0xffffffffL;
            long frac = u32(rh, 4, little) & 0xffffffffL;
            int caplen = u32(rh, 8, little);
            if (caplen < 0 || caplen > PcapWriter.SNAPLEN) {
                throw new IOException("bad record length " + caplen);
            }
            byte[] b = new byte[caplen];
            d.readFully(b);
            out.add(new Record(secs * 1_000_000_000L + (nanos ? frac : frac * 1000), b));
        }
    }

    private static int u32(byte[] b, int off, boolean little) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int byteAt = little ? b[off + 3 - i] : b[off + i];
            v = (v << 8) | (byteAt & 0xff);
        }
        return v;
    }
}
