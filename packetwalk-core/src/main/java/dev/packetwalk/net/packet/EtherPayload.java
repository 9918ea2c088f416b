package dev.packetwalk.net.packet;

/** What an Ethernet frame carries after its tags: ARP, IPv4, or other bytes. */
public sealed interface EtherPayload permits Arp, Ipv4Packet, RawEther {
    int etherType();

    int length();

    /** Writes the payload at {@code off}; returns its length. */
    int write(byte[] b, int off);
}
