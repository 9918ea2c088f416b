package dev.packetwalk.linux.addr;

import dev.packetwalk.net.Ipv4;

/**
 * One IPv4 address on a device (struct in_ifaddr): local address, prefix length, broadcast
 * (0 when none), scope, label, and whether it is a secondary of an earlier address in the
 * same subnet.
 */
public record InetAddress(int ifindex, int local, int prefixLength, int broadcast, int scope,
                          String label, boolean secondary) {

    public InetAddress {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("invalid prefix length " + prefixLength);
        }
    }

    public int mask() {
        return Ipv4.maskOf(prefixLength);
    }

    public int network() {
        return local & mask();
    }

    /** True when {@code addr} is in this address's subnet (inet_ifa_match). */
    public boolean inSubnet(int addr) {
        return ((addr ^ local) & mask()) == 0;
    }

    InetAddress asSecondary(boolean sec) {
        return new InetAddress(ifindex, local, prefixLength, broadcast, scope, label, sec);
    }
}
