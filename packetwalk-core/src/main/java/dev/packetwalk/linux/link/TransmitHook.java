package dev.packetwalk.linux.link;

import dev.packetwalk.net.packet.Frame;

/**
 * The far side of a device whose other end is outside the kernel (a tap's guest, an Open
 * vSwitch internal port): the kernel hands it the frames the device transmits.
 */
@FunctionalInterface
public interface TransmitHook {
    /** Takes {@code frame} sent by {@code dev}; {@code parentHop} is the hop that sent it. */
    void transmit(NetDevice dev, Frame frame, int parentHop);
}
