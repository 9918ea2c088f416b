package dev.packetwalk.linux.stack;

import dev.packetwalk.net.packet.Ipv4Packet;

/** A raw ICMP socket (as ping opens one): it sees the ICMP messages its namespace receives. */
@FunctionalInterface
public interface IcmpSocket {
    /** Offers a received ICMP packet; true when the socket took it. */
    boolean deliver(Ipv4Packet packet, long nowNanos);
}
