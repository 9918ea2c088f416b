package dev.packetwalk.net.packet;

/** An Ethernet payload Packetwalk does not model (or an ethertype below 0x0600: an 802.3 length). */
public record RawEther(int etherType, Data data) implements EtherPayload {
    public RawEther {
        if (etherType < 0 || etherType > 0xffff) {
            throw new IllegalArgumentException("ethertype must be 16 bits: " + etherType);
        }
        if (etherType == VlanTag.TPID) {
            throw new IllegalArgumentException("802.1Q tags belong in the frame's tag list");
        }
        java.util.Objects.requireNonNull(data, "data");
    }

    @Override
    public int length() {
        return data.length();
    }

    @Override
    public int write(byte[] b, int off) {
        return data.write(b, off);
    }
}
