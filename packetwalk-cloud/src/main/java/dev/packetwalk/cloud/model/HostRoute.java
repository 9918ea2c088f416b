package dev.packetwalk.cloud.model;

/** A subnet's {@code host_routes} entry, handed to VMs by DHCP. */
public record HostRoute(Cidr destination, int nexthop) {
}
