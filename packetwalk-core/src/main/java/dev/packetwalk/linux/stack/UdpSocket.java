package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.net.packet.Ipv4Packet;

/**
 * A UDP socket bound to a port of a namespace (any address), such as the kernel's VXLAN
 * socket on 4789: local delivery hands it the datagrams for its port instead of answering
 * "port unreachable".
 */
@FunctionalInterface
public interface UdpSocket {
    /** Takes {@code packet} received on {@code dev}; {@code hop} is the hop that delivered it. */
    void deliver(Ipv4Packet packet, NetDevice dev, int hop);
}
