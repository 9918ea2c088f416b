package dev.packetwalk.net.packet;

/** The ones'-complement Internet checksum (RFC 1071) over byte ranges, with partial sums for pseudo-headers. */
public final class InternetChecksum {
    private InternetChecksum() {
    }

    /** Adds the 16-bit big-endian words of {@code b[off, off+len)} to {@code sum} (an odd tail is zero-padded). */
    public static long add(long sum, byte[] b, int off, int len) {
        int end = off + len - 1;
        int i = off;
        for (; i < end; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i == end) {
            sum += (b[i] & 0xff) << 8;
        }
        return sum;
    }

    /** The partial sum of the IPv4 pseudo-header (source, destination, protocol, L4 length). */
    public static long pseudoHeader(int src, int dst, int protocol, int length) {
        return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
    }

    /** Folds a partial sum to 16 bits. */
    public static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The checksum field value: the complement of the folded sum. */
    public static int finish(long sum) {
        return ~fold(sum) & 0xffff;
    }
}
