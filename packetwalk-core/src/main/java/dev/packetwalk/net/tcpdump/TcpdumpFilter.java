package dev.packetwalk.net.tcpdump;

import dev.packetwalk.net.packet.Frame;

/**
 * A tcpdump/libpcap filter expression ({@code icmp}, {@code arp}, {@code tcp port 22},
 * {@code host 10.0.0.5}, {@code src net 10.0.0.0/24}, {@code ether host M}, {@code vlan 2},
 * {@code tcp[tcpflags] & tcp-syn != 0}, with and/or/not and parentheses), evaluated on a
 * frame's bytes as libpcap's compiled program would. An instance reuses one buffer: use it
 * from one thread.
 */
public final class TcpdumpFilter {
    private final FilterNode root;
    private final PacketBytes bytes = new PacketBytes();
    private byte[] buffer = new byte[2048];

    private TcpdumpFilter(FilterNode root) {
        this.root = root;
    }

    /** Parses {@code expression} (the words after tcpdump's options joined by spaces); empty matches everything. */
    public static TcpdumpFilter parse(String expression) {
        return new TcpdumpFilter(FilterParser.parse(expression));
    }

    public boolean matches(Frame f) {
        if (root == null) {
            return true;
        }
        int n = f.length();
        if (n > buffer.length) {
            buffer = new byte[Math.max(n, buffer.length * 2)];
        }
        f.write(buffer, 0);
        return matches(buffer, 0, n);
    }

    public boolean matches(byte[] b, int off, int len) {
        if (root == null) {
            return true;
        }
        bytes.set(b, off, len);
        try {
            return root.test(bytes);
        } catch (RuntimeException e) {
            if (e == PacketBytes.OUT_OF_PACKET) {
                return false;
            }
            throw e;
        }
    }
}
