package dev.packetwalk.linux.ipset;

/**
 * What "ipset create" takes besides the name and type: the family, the hash size (rounded up
 * to a power of two, at least 64), the most members, and the default member timeout in seconds
 * (0 for none). {@link #INET} and {@link #INET6} are ipset's defaults, as Neutron creates its
 * NIPv4/NIPv6 sets.
 */
public record IpSetOptions(IpSetFamily family, int hashsize, int maxelem, int timeout) {
    public static final IpSetOptions INET = new IpSetOptions(IpSetFamily.INET, 1024, 65536, 0);
    public static final IpSetOptions INET6 = new IpSetOptions(IpSetFamily.INET6, 1024, 65536, 0);

    public IpSetOptions {
        if (family == null) {
            throw new IllegalArgumentException("family");
        }
        int size = 64;
        while (size < hashsize && size < 1 << 30) {
            size <<= 1;
        }
        hashsize = size;
        if (maxelem < 0) {
            throw new IllegalArgumentException("maxelem " + maxelem);
        }
        if (timeout < 0 || timeout > 2147483) {
            throw new IpSetException("Syntax error: '" + timeout + "' is out of range 0-2147483");
        }
    }

    public IpSetOptions withHashsize(int size) {
        return new IpSetOptions(family, size, maxelem, timeout);
    }

    public IpSetOptions withMaxelem(int most) {
        return new IpSetOptions(family, hashsize, most, timeout);
    }

    public IpSetOptions withTimeout(int seconds) {
        return new IpSetOptions(family, hashsize, maxelem, seconds);
    }
}
