package dev.packetwalk.cloud.model;

/** An {@code allowed_address_pairs} entry: an address or prefix the port may also send from, with its MAC. */
public record AddressPair(Cidr ip, long mac) {
}
