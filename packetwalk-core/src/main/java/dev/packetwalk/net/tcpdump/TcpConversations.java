package dev.packetwalk.net.tcpdump;

import java.util.HashMap;
import java.util.Map;

/**
 * tcpdump's relative TCP sequence numbers (without {@code -S}): the first segment with ACK set
 * (or any SYN) of a conversation records both directions' initial numbers; later ACK segments
 * print seq and ack relative to them.
 */
final class TcpConversations {
    /** Initial sequence numbers keyed by the directed 4-tuple. */
    private final Map<Key, long[]> bases = new HashMap<>();

    private record Key(int src, int dst, int sport, int dport) {
        Key reversed() {
            return new Key(dst, src, dport, sport);
        }
    }

    /** Returns {seq, ack} as tcpdump prints them for a segment with ACK set. */
    long[] relative(int src, int dst, int sport, int dport, long seq, long ack, boolean syn) {
        Key k = new Key(src, dst, sport, dport);
        long[] b = bases.get(k);
        if (b == null || syn) {
            long[] forward = {seq, (ack - 1) & 0xffff_ffffL};
            bases.put(k, forward);
            bases.put(k.reversed(), new long[] {forward[1], forward[0]});
            return new long[] {seq, ack};
        }
        return new long[] {(seq - b[0]) & 0xffff_ffffL, (ack - b[1]) & 0xffff_ffffL};
    }
}
