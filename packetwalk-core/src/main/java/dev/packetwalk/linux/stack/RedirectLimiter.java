package dev.packetwalk.linux.stack;

import java.util.HashMap;
import java.util.Map;

/**
 * ip_rt_send_redirect's per-source limiter (inet_peer): after a redirect the next one to the
 * same source waits ip_rt_redirect_load (20 ms) shifted by the number already sent; after
 * ip_rt_redirect_number (9) the kernel stays silent until ip_rt_redirect_silence (20.48 s)
 * passes without a redirected packet.
 */
final class RedirectLimiter {
    private static final long MS = 1_000_000L;
    private static final long LOAD = 20 * MS;
    private static final int NUMBER = 9;
    private static final long SILENCE = LOAD << (NUMBER + 1);

    /** rate_last (nanos) and n_redirects of one source. */
    private static final class Peer {
        long last = Long.MIN_VALUE / 2;
        int sent;
    }

    private final Map<Integer, Peer> peers = new HashMap<>();

    /** True when a redirect to {@code source} may go out at {@code now} (and counts it). */
    boolean allow(int source, long now) {
        Peer p = peers.computeIfAbsent(source, s -> new Peer());
        if (now > p.last + SILENCE) {
            p.sent = 0;
        }
        if (p.sent >= NUMBER) {
            p.last = now;
            return false;
        }
        if (p.sent == 0 || now > p.last + (LOAD << p.sent)) {
            p.last = now;
            p.sent++;
            return true;
        }
        return false;
    }
}
