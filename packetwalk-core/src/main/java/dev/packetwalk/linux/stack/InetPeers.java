package dev.packetwalk.linux.stack;

import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's inet_peer entries of one namespace, per remote address: the token bucket that
 * limits ICMP errors to that address (icmp_ratelimit 1000 ms, a burst of six) and the
 * redirect limiter (ip_rt_send_redirect), which share the peer's last-rate timestamp.
 */
final class InetPeers {
    private static final long MS = 1_000_000L;
    /** net.ipv4.icmp_ratelimit. */
    private static final long ICMP_RATELIMIT = 1000 * MS;
    private static final int BURST_FACTOR = 6;
    /** net.ipv4.icmp_ratemask (6168): destination unreachable, source quench, time exceeded, parameter problem. */
    private static final int RATEMASK = 6168;
    private static final long REDIRECT_LOAD = 20 * MS;
    private static final int REDIRECT_NUMBER = 9;
    private static final long REDIRECT_SILENCE = REDIRECT_LOAD << (REDIRECT_NUMBER + 1);

    /** rate_tokens, rate_last and n_redirects of one peer. */
    private static final class Peer {
        long tokens;
        long last;
        int redirects;

        Peer(long now) {
            // A new peer starts a minute in the past, so its first bucket is full.
            last = now - 60_000 * MS;
        }
    }

    private final Map<Integer, Peer> peers = new HashMap<>();

    private Peer peer(int address, long now) {
        return peers.computeIfAbsent(address, a -> new Peer(now));
    }

    /** icmpv4_xrlim_allow: may an ICMP error of {@code type} go to {@code address} at {@code now}. */
    boolean allowIcmp(int address, int type, long now) {
        if (type > 31 || (RATEMASK & (1 << type)) == 0) {
            return true;
        }
        Peer p = peer(address, now);
        long token = Math.min(p.tokens + (now - p.last), BURST_FACTOR * ICMP_RATELIMIT);
        p.last = now;
        boolean allowed = token >= ICMP_RATELIMIT;
        if (allowed) {
            token -= ICMP_RATELIMIT;
        }
        p.tokens = token;
        return allowed;
    }

    /**
     * ip_error's own bucket before it sends a no-route unreachable (ip_rt_error_cost 1 s, burst
     * 5 s), on the same tokens icmp_send then draws from again.
     */
    boolean allowRouteError(int source, long now) {
        Peer p = peer(source, now);
        p.tokens = Math.min(p.tokens + (now - p.last), 5 * ICMP_RATELIMIT);
        p.last = now;
        if (p.tokens >= ICMP_RATELIMIT) {
            p.tokens -= ICMP_RATELIMIT;
            return true;
        }
        return false;
    }

    /**
     * ip_rt_send_redirect's limiter: after a redirect the next one to the same source waits
     * 20 ms shifted by the number already sent; after nine the kernel stays silent until
     * 20.48 s pass without a redirected packet.
     */
    boolean allowRedirect(int source, long now) {
        Peer p = peer(source, now);
        if (now > p.last + REDIRECT_SILENCE) {
            p.tokens = 0;
            p.redirects = 0;
        }
        if (p.redirects >= REDIRECT_NUMBER) {
            p.last = now;
            return false;
        }
        if (p.redirects == 0 || now > p.last + (REDIRECT_LOAD << p.redirects)) {
            p.last = now;
            p.redirects++;
            return true;
        }
        return false;
    }
}
