package dev.packetwalk.net.packet;

/** What follows the 8-byte ICMP header: echo {@link Data} or the {@link IcmpQuote} of an error. */
public sealed interface IcmpBody permits Data, IcmpQuote {
    int length();

    int write(byte[] b, int off);
}
