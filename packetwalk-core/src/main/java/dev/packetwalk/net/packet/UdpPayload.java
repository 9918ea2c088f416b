package dev.packetwalk.net.packet;

/** What a UDP datagram carries: application {@link Data} or a {@link Vxlan} frame. */
public sealed interface UdpPayload permits Data, Vxlan {
    int length();

    /** Writes the payload at {@code off}; returns its length. */
    int write(byte[] b, int off);
}
