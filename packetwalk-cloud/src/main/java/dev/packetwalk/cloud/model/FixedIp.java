package dev.packetwalk.cloud.model;

/** One of a port's {@code fixed_ips}: an address on a subnet. */
public record FixedIp(String subnetId, int ip) {
}
