package dev.packetwalk.linux.link;

/** A device's receive and transmit counters, as {@code ip -s link} shows them. */
public final class DeviceStats {
    private long rxPackets;
    private long rxBytes;
    private long rxDropped;
    private long txPackets;
    private long txBytes;
    private long txDropped;

    public void received(int bytes) {
        rxPackets++;
        rxBytes += bytes;
    }

    public void sent(int bytes) {
        txPackets++;
        txBytes += bytes;
    }

    public void rxDrop() {
        rxDropped++;
    }

    public void txDrop() {
        txDropped++;
    }

    public long rxPackets() {
        return rxPackets;
    }

    public long rxBytes() {
        return rxBytes;
    }

    public long rxDropped() {
        return rxDropped;
    }

    public long txPackets() {
        return txPackets;
    }

    public long txBytes() {
        return txBytes;
    }

    public long txDropped() {
        return txDropped;
    }
}
