package dev.packetwalk.net.tcpdump;

import dev.packetwalk.net.packet.Tcp;

/** tcpdump's letters for TCP flags, in its table order: F S R P . U E W; "none" when no flag is set. */
final class TcpFlags {
    private static final int[] BITS = {Tcp.FIN, Tcp.SYN, Tcp.RST, Tcp.PSH, Tcp.ACK, Tcp.URG, Tcp.ECE, Tcp.CWR};
    private static final char[] LETTERS = {'F', 'S', 'R', 'P', '.', 'U', 'E', 'W'};

    private TcpFlags() {
    }

    static String text(int flags) {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < BITS.length; i++) {
            if ((flags & BITS[i]) != 0) {
                sb.append(LETTERS[i]);
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
