package dev.packetwalk.cloud.model;

import java.util.List;

/**
 * A Neutron router, legacy (centralised on one L3 agent) or distributed (DVR). {@code gateway}
 * is null when the router has no external gateway. {@code snatHost} is the node whose L3 agent
 * hosts the router (legacy) or its SNAT part (DVR); empty when not scheduled.
 */
public record Router(String id, String name, String projectId, boolean distributed, boolean ha,
        ExternalGateway gateway, List<HostRoute> routes, String snatHost, Stamp stamp) {
    public Router {
        routes = List.copyOf(routes);
    }

    public Router withGateway(ExternalGateway newGateway) {
        return new Router(id, name, projectId, distributed, ha, newGateway, routes, snatHost, stamp);
    }
}
