package dev.packetwalk.linux.neigh;

/** One ARP cache entry: IPv4 address on a device, link-layer address (-1 if none), state. */
public record Neighbour(int ifindex, int address, long lladdr, NudState state) {
    public boolean hasLladdr() {
        return lladdr >= 0;
    }
}
