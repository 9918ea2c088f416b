package dev.packetwalk.linux.link;

/**
 * Ethernet addresses for new devices, as eth_random_addr makes them (unicast, locally
 * administered) but from a seeded generator, so a host gives the same addresses every run.
 */
public final class MacSource {
    private long state;

    public MacSource(long seed) {
        this.state = seed;
    }

    public long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        long mac = z & 0xffff_ffff_ffffL;
        long first = (mac >>> 40) & 0xfe | 0x02;
        return (first << 40) | (mac & 0xff_ffff_ffffL);
    }
}
