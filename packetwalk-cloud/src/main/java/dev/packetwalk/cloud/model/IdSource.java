package dev.packetwalk.cloud.model;

import java.util.SplittableRandom;

/**
 * The cloud's seeded randomness: UUID4s as Neutron and Nova print them, port MACs from
 * {@code base_mac} fa:16:3e:00:00:00, DVR host MACs from {@code dvr_base_mac} fa:16:3f:00:00:00,
 * and the L3 agents' and IPAM's arbitrary choices. The same seed gives the same cloud.
 */
public final class IdSource {
    private static final long PORT_MAC_BASE = 0xfa163e000000L;
    private static final long DVR_MAC_BASE = 0xfa163f000000L;

    private final SplittableRandom random;

    public IdSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A random (version 4) UUID in its 8-4-4-4-12 lower-case form. */
    public String uuid() {
        long hi = (random.nextLong() & ~0xf000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        String h = hex(hi, 16) + hex(lo, 16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    /** A project id: 32 hex digits without dashes, as Keystone prints them. */
    public String projectId() {
        return uuid().replace("-", "");
    }

    public long portMac() {
        return PORT_MAC_BASE | random.nextInt(1 << 24);
    }

    public long dvrMac() {
        return DVR_MAC_BASE | random.nextInt(1 << 24);
    }

    /** A random 64-bit value (an agent's bridge cookie). */
    public long nextLong() {
        return random.nextLong();
    }

    /** A uniform choice in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private static String hex(long v, int digits) {
        String s = Long.toHexString(v);
        return "0".repeat(digits - s.length()) + s;
    }
}
