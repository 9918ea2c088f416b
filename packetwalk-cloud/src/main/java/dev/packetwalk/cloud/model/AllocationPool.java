package dev.packetwalk.cloud.model;

import dev.packetwalk.net.Ipv4;

/** One allocation pool of a subnet, first and last address included. */
public record AllocationPool(int start, int end) {
    public boolean contains(int ip) {
        return Integer.compareUnsigned(ip, start) >= 0 && Integer.compareUnsigned(ip, end) <= 0;
    }

    public boolean overlaps(AllocationPool other) {
        return contains(other.start) || contains(other.end) || other.contains(start);
    }

    @Override
    public String toString() {
        return Ipv4.format(start) + "-" + Ipv4.format(end);
    }
}
