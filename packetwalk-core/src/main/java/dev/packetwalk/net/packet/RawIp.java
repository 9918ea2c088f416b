package dev.packetwalk.net.packet;

/** An IP payload carried as bytes: an unmodelled protocol, or any fragment. */
public record RawIp(int protocol, Data data) implements IpPayload {
    public RawIp {
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("IP protocol must be 0..255, not " + protocol);
        }
        java.util.Objects.requireNonNull(data, "data");
    }

    @Override
    public int length() {
        return data.length();
    }

    @Override
    public int write(byte[] b, int off, int src, int dst) {
        return data.write(b, off);
    }
}
