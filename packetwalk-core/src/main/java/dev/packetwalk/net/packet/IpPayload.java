package dev.packetwalk.net.packet;

/** What an IPv4 packet carries: ICMP, TCP, UDP, or other bytes (also every fragment). */
public sealed interface IpPayload permits Icmp, Tcp, Udp, RawIp {
    int protocol();

    int length();

    /**
     * Writes the payload at {@code off}, its checksum included; {@code src}/{@code dst} are the
     * IPv4 addresses for the pseudo-header. Returns the length written.
     */
    int write(byte[] b, int off, int src, int dst);
}
