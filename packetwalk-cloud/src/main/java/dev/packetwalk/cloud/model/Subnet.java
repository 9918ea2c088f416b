package dev.packetwalk.cloud.model;

import java.util.List;

/** A Neutron IPv4 subnet of a network. {@code gateway} is null when the subnet has none. */
public record Subnet(String id, String name, String networkId, String projectId, Cidr cidr, Integer gateway,
        List<AllocationPool> pools, boolean dhcp, List<String> dnsServers, List<HostRoute> hostRoutes, Stamp stamp) {
    public Subnet {
        pools = List.copyOf(pools);
        dnsServers = List.copyOf(dnsServers);
        hostRoutes = List.copyOf(hostRoutes);
    }

    public int ipVersion() {
        return 4;
    }
}
