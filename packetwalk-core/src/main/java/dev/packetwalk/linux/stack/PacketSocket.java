package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.net.packet.Frame;

/**
 * An AF_PACKET socket for ARP bound to one device (as arping opens one): it sees the ARP frames
 * that device receives for itself or as broadcast, beside the kernel's own ARP handling.
 */
@FunctionalInterface
public interface PacketSocket {
    /** Offers a received ARP frame. */
    void deliver(NetDevice dev, Frame frame, long nowNanos);
}
