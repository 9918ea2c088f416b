package dev.packetwalk.net.packet;

import java.util.Arrays;

/**
 * Application bytes: a length of zeros, a length of the deterministic pattern (byte i is
 * {@code i & 0xff}), or given bytes. Equal contents are equal values whatever the form, so a
 * parsed payload equals the one that was serialised.
 */
public final class Data implements UdpPayload, IcmpBody {
    public static final Data EMPTY = new Data(0, null, false);

    private final int length;
    /** null for zeros/pattern. */
    private final byte[] bytes;
    private final boolean pattern;

    private Data(int length, byte[] bytes, boolean pattern) {
        this.length = length;
        this.bytes = bytes;
        this.pattern = pattern;
    }

    public static Data zeros(int length) {
        checkLength(length);
        return length == 0 ? EMPTY : new Data(length, null, false);
    }

    public static Data pattern(int length) {
        checkLength(length);
        return length <= 1 ? zeros(length) : new Data(length, null, true);
    }

    /** Copies {@code b[off, off+len)}; contents that are all zeros or the pattern take the compact form. */
    public static Data of(byte[] b, int off, int len) {
        checkLength(len);
        if (isZeros(b, off, len)) {
            return zeros(len);
        }
        if (isPattern(b, off, len)) {
            return pattern(len);
        }
        return new Data(len, Arrays.copyOfRange(b, off, off + len), false);
    }

    public static Data of(byte[] b) {
        return of(b, 0, b.length);
    }

    private static void checkLength(int length) {
        if (length < 0 || length > 65535) {
            throw new IllegalArgumentException("payload length must be 0..65535, not " + length);
        }
    }

    private static boolean isZeros(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (b[off + i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPattern(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (b[off + i] != (byte) i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int length() {
        return length;
    }

    /** The byte at {@code i}. */
    public int at(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException(i);
        }
        return bytes != null ? bytes[i] & 0xff : pattern ? i & 0xff : 0;
    }

    @Override
    public int write(byte[] b, int off) {
        if (bytes != null) {
            System.arraycopy(bytes, 0, b, off, length);
        } else if (pattern) {
            for (int i = 0; i < length; i++) {
                b[off + i] = (byte) i;
            }
        } else {
            Arrays.fill(b, off, off + length, (byte) 0);
        }
        return length;
    }

    public byte[] toBytes() {
        byte[] b = new byte[length];
        write(b, 0);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        // the factories keep one form per content (zeros, then pattern, then bytes)
        return o instanceof Data d && d.length == length && d.pattern == pattern && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return bytes != null ? Arrays.hashCode(bytes) : length * 31 + (pattern ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Data[" + length + (bytes != null ? " bytes" : pattern ? " pattern" : " zeros") + "]";
    }
}
