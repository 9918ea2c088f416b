package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.AllocationPool;
import dev.packetwalk.cloud.model.HostRoute;
import dev.packetwalk.cloud.model.Neutron;
import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Reads a network's {@code subnets:}: prefix, gateway, pools, DHCP with its port's pins, DNS servers and routes. */
final class SubnetReader {
    static final List<String> KEYS = Stamps.with("id", "name", "cidr", "gateway", "allocation_pools", "dhcp",
            "dns_nameservers", "host_routes", "dhcp_port");
    private static final List<String> POOL_KEYS = List.of("start", "end");
    private static final List<String> ROUTE_KEYS = List.of("destination", "nexthop");

    private final Build build;

    SubnetReader(Build build) {
        this.build = build;
    }

    void read(Value item, String networkId) {
        Fields f = Fields.named(item, "subnet", KEYS);
        String name = f.require("name", Conversion.TEXT);
        OptionalInt gateway = f.get("gateway", Conversion.GATEWAY);
        Neutron.SubnetSpec spec = new Neutron.SubnetSpec(f.get("id", Conversion.UUID), name, networkId,
                f.require("cidr", Conversion.PREFIX), gateway == null || gateway.isEmpty() ? null : gateway.getAsInt(),
                gateway != null && gateway.isEmpty(), pools(f), f.get("dhcp", Conversion.BOOLEAN, true),
                dnsServers(f), hostRoutes(f), PortPins.object(f, "dhcp_port"), Stamps.read(f, build.cloud));
        build.subnets.define(f.required("name"), () -> f.mark().run(() -> build.neutron.createSubnet(spec)).id());
    }

    private static List<AllocationPool> pools(Fields subnet) {
        List<AllocationPool> pools = new ArrayList<>();
        for (Value item : subnet.list("allocation_pools")) {
            Fields f = Fields.of(item, "allocation pool of " + subnet.label(), POOL_KEYS);
            pools.add(new AllocationPool(f.require("start", Conversion.IPV4), f.require("end", Conversion.IPV4)));
        }
        return pools;
    }

    private static List<String> dnsServers(Fields subnet) {
        List<String> servers = new ArrayList<>();
        for (Value item : subnet.list("dns_nameservers")) {
            servers.add(Ipv4.format(item.as(Conversion.IPV4)));
        }
        return servers;
    }

    private static List<HostRoute> hostRoutes(Fields subnet) {
        List<HostRoute> routes = new ArrayList<>();
        for (Value item : subnet.list("host_routes")) {
            Fields f = Fields.of(item, "host route of " + subnet.label(), ROUTE_KEYS);
            routes.add(new HostRoute(f.require("destination", Conversion.PREFIX), f.require("nexthop", Conversion.IPV4)));
        }
        return routes;
    }
}
