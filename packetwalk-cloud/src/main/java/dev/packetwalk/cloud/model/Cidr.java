package dev.packetwalk.cloud.model;

import dev.packetwalk.net.Ipv4;

/** An IPv4 prefix such as {@code 10.0.0.0/24}; the address is kept as given (a host address with its prefix is allowed). */
public record Cidr(int address, int prefixLength) {
    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new ModelException("invalid prefix length " + prefixLength);
        }
    }

    /** Parses {@code A.B.C.D/N} (or a bare address, as /32). */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                return new Cidr(Ipv4.parse(text), 32);
            }
            return new Cidr(Ipv4.parse(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new ModelException("invalid CIDR \"" + text + "\"");
        }
    }

    public int mask() {
        return Ipv4.maskOf(prefixLength);
    }

    /** The network address (host bits cleared). */
    public int network() {
        return address & mask();
    }

    public int broadcast() {
        return network() | ~mask();
    }

    public boolean contains(int ip) {
        return (ip & mask()) == network();
    }

    public boolean overlaps(Cidr other) {
        int common = Math.min(prefixLength, other.prefixLength);
        int m = Ipv4.maskOf(common);
        return (address & m) == (other.address & m);
    }

    /** The same prefix with its host bits cleared ({@code 10.0.0.5/24} becomes {@code 10.0.0.0/24}). */
    public Cidr networkCidr() {
        return new Cidr(network(), prefixLength);
    }

    /** {@code ip} with this prefix length: how an address is put on a device. */
    public Cidr withAddress(int ip) {
        return new Cidr(ip, prefixLength);
    }

    @Override
    public String toString() {
        return Ipv4.format(address) + "/" + prefixLength;
    }
}
