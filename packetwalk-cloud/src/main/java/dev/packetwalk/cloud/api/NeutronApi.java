package dev.packetwalk.cloud.api;

import dev.packetwalk.cloud.model.AddressPair;
import dev.packetwalk.cloud.model.Agent;
import dev.packetwalk.cloud.model.AllocationPool;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.DeviceOwner;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.FloatingIp;
import dev.packetwalk.cloud.model.HostRoute;
import dev.packetwalk.cloud.model.L3AgentMode;
import dev.packetwalk.cloud.model.Network;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Router;
import dev.packetwalk.cloud.model.SecurityGroup;
import dev.packetwalk.cloud.model.SecurityGroupRule;
import dev.packetwalk.cloud.model.Stamp;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Neutron's REST API (Ocata, ML2/OVS, as an admin sees it) read from a {@link Cloud}: each
 * object as the JSON dict the server returns, lists in the server's order (by id), and the
 * lookups by name or id the clients make. Ports the L3 plugin owns (gateway, floating IP, SNAT)
 * belong to no project, as in Neutron.
 */
final class NeutronApi {
    private static final Map<String, Object> HYBRID_VIF_DETAILS = map("port_filter", true, "ovs_hybrid_plug", true);

    private final Cloud cloud;

    NeutronApi(Cloud cloud) {
        this.cloud = cloud;
    }

    Cloud cloud() {
        return cloud;
    }

    List<Map<String, Object>> networks() {
        return byId(cloud.networks().stream().map(this::network).toList());
    }

    List<Map<String, Object>> subnets() {
        return byId(cloud.subnets().stream().map(this::subnet).toList());
    }

    List<Map<String, Object>> ports() {
        return byId(cloud.ports().stream().map(this::port).toList());
    }

    List<Map<String, Object>> routers() {
        return byId(cloud.routers().stream().map(this::router).toList());
    }

    List<Map<String, Object>> floatingIps() {
        return byId(cloud.floatingIps().stream().map(this::floatingIp).toList());
    }

    List<Map<String, Object>> securityGroups() {
        return byId(cloud.securityGroups().stream().map(this::securityGroup).toList());
    }

    List<Map<String, Object>> securityGroupRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (SecurityGroup g : cloud.securityGroups()) {
            g.rules().forEach(r -> rules.add(rule(g, r)));
        }
        return byId(rules);
    }

    List<Map<String, Object>> agents() {
        return byId(cloud.agents().stream().map(this::agent).toList());
    }

    /** {@code GET /routers/ID/l3-agents}: the L3 agents where the router lives, with ha_state (None unless HA). */
    List<Map<String, Object>> l3AgentsHosting(String routerId) {
        Router r = cloud.router(routerId);
        Set<String> hosts = new HashSet<>();
        hosts.add(r.snatHost());
        if (r.distributed()) {
            hosts.addAll(dvrHosts(r));
        }
        List<Map<String, Object>> agents = new ArrayList<>();
        for (Agent a : cloud.agents()) {
            if (a.type() == Agent.AgentType.L3 && hosts.contains(a.host())) {
                Map<String, Object> m = agent(a);
                m.put("ha_state", null);
                agents.add(m);
            }
        }
        return agents;
    }

    /** The nodes whose dvr-mode L3 agent instantiates a distributed router: those with VMs on its subnets. */
    private Set<String> dvrHosts(Router r) {
        Set<String> subnets = new HashSet<>();
        for (Port p : cloud.portsOwnedBy(r.id())) {
            if (p.owner().isRouterInterface()) {
                p.fixedIps().forEach(f -> subnets.add(f.subnetId()));
            }
        }
        Set<String> hosts = new HashSet<>();
        for (Port p : cloud.ports()) {
            boolean onRouter = p.fixedIps().stream().anyMatch(f -> subnets.contains(f.subnetId()));
            if (onRouter && p.owner() == DeviceOwner.COMPUTE && !p.bindingHost().isEmpty()
                    && cloud.node(p.bindingHost()).l3Mode() == L3AgentMode.DVR) {
                hosts.add(p.bindingHost());
            }
        }
        return hosts;
    }

    Map<String, Object> network(Network n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("name", n.name());
        m.put("tenant_id", n.projectId());
        m.put("admin_state_up", n.adminStateUp());
        m.put("mtu", n.mtu());
        m.put("status", "ACTIVE");
        m.put("subnets", cloud.subnetsOf(n.id()).stream().map(Subnet::id).toList());
        m.put("shared", n.shared());
        m.put("availability_zone_hints", List.of());
        m.put("availability_zones", n.availabilityZones());
        m.put("ipv4_address_scope", null);
        m.put("ipv6_address_scope", null);
        m.put("router:external", n.external());
        m.put("description", "");
        m.put("provider:network_type", n.type().text());
        m.put("provider:physical_network", n.physicalNetwork());
        m.put("provider:segmentation_id", n.segmentationId());
        m.put("tags", List.of());
        stamp(m, n.stamp(), n.projectId());
        return m;
    }

    Map<String, Object> subnet(Subnet s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("tenant_id", s.projectId());
        m.put("network_id", s.networkId());
        m.put("ip_version", s.ipVersion());
        m.put("subnetpool_id", null);
        m.put("enable_dhcp", s.dhcp());
        m.put("ipv6_ra_mode", null);
        m.put("ipv6_address_mode", null);
        m.put("gateway_ip", s.gateway() == null ? null : Ipv4.format(s.gateway()));
        m.put("cidr", s.cidr().toString());
        m.put("allocation_pools", s.pools().stream().map(NeutronApi::pool).toList());
        m.put("host_routes", s.hostRoutes().stream().map(NeutronApi::route).toList());
        m.put("dns_nameservers", s.dnsServers());
        m.put("description", "");
        m.put("service_types", List.of());
        m.put("tags", List.of());
        stamp(m, s.stamp(), s.projectId());
        return m;
    }

    Map<String, Object> port(Port p) {
        boolean bound = !p.bindingHost().isEmpty();
        String vifType = bound ? "ovs" : p.owner() == DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED ? "distributed" : "unbound";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("network_id", p.networkId());
        m.put("tenant_id", tenantOf(p));
        m.put("mac_address", MacAddress.format(p.mac()));
        m.put("admin_state_up", true);
        m.put("status", p.status());
        m.put("device_id", p.deviceId());
        m.put("device_owner", p.owner().text());
        m.put("fixed_ips", p.fixedIps().stream().map(NeutronApi::fixedIp).toList());
        m.put("allowed_address_pairs", p.allowedAddressPairs().stream().map(NeutronApi::addressPair).toList());
        m.put("extra_dhcp_opts", List.of());
        m.put("security_groups", p.securityGroupIds());
        m.put("description", "");
        m.put("binding:vnic_type", "normal");
        m.put("binding:profile", Map.of());
        m.put("binding:host_id", p.bindingHost());
        m.put("binding:vif_type", vifType);
        m.put("binding:vif_details", bound ? HYBRID_VIF_DETAILS : Map.of());
        m.put("tags", List.of());
        stamp(m, p.stamp(), tenantOf(p));
        return m;
    }

    Map<String, Object> router(Router r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("tenant_id", r.projectId());
        m.put("admin_state_up", true);
        m.put("status", "ACTIVE");
        m.put("external_gateway_info", r.gateway() == null ? null : gatewayInfo(r));
        m.put("description", "");
        m.put("availability_zones", List.of("nova"));
        m.put("distributed", r.distributed());
        m.put("ha", r.ha());
        m.put("availability_zone_hints", List.of());
        m.put("routes", r.routes().stream().map(NeutronApi::route).toList());
        m.put("tags", List.of());
        stamp(m, r.stamp(), r.projectId());
        return m;
    }

    private Map<String, Object> gatewayInfo(Router r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network_id", r.gateway().networkId());
        m.put("enable_snat", r.gateway().enableSnat());
        m.put("external_fixed_ips", cloud.findPort(r.gateway().portId())
                .map(p -> p.fixedIps().stream().map(NeutronApi::fixedIp).toList()).orElse(List.of()));
        return m;
    }

    Map<String, Object> floatingIp(FloatingIp f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("tenant_id", f.projectId());
        m.put("floating_ip_address", Ipv4.format(f.floatingIp()));
        m.put("floating_network_id", f.networkId());
        m.put("router_id", f.routerId());
        m.put("port_id", f.portId());
        m.put("fixed_ip_address", f.fixedIp() == null ? null : Ipv4.format(f.fixedIp()));
        m.put("status", f.associated() ? "ACTIVE" : "DOWN");
        m.put("description", "");
        m.put("tags", List.of());
        stamp(m, f.stamp(), f.projectId());
        return m;
    }

    Map<String, Object> securityGroup(SecurityGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("name", g.name());
        m.put("tenant_id", g.projectId());
        m.put("description", g.description());
        m.put("security_group_rules", g.rules().stream().map(r -> rule(g, r)).toList());
        m.put("tags", List.of());
        stamp(m, g.stamp(), g.projectId());
        return m;
    }

    private Map<String, Object> rule(SecurityGroup g, SecurityGroupRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("tenant_id", g.projectId());
        m.put("security_group_id", g.id());
        m.put("ethertype", r.ethertype());
        m.put("direction", r.direction().text());
        m.put("protocol", r.protocol());
        m.put("port_range_min", r.portMin());
        m.put("port_range_max", r.portMax());
        m.put("remote_ip_prefix", r.remoteIpPrefix() == null ? null : r.remoteIpPrefix().toString());
        m.put("remote_group_id", r.remoteGroupId());
        m.put("description", "");
        stamp(m, new Stamp(g.stamp().createdAt(), g.stamp().createdAt(), 0), g.projectId());
        return m;
    }

    Map<String, Object> agent(Agent a) {
        String started = cloud.stamp(null).createdAt().replace('T', ' ').replace("Z", "");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("agent_type", a.type().typeName());
        m.put("binary", a.type().binary());
        m.put("topic", switch (a.type()) {
            case L3 -> "l3_agent";
            case DHCP -> "dhcp_agent";
            default -> "N/A";
        });
        m.put("host", a.host());
        m.put("admin_state_up", true);
        m.put("created_at", started);
        m.put("started_at", started);
        m.put("heartbeat_timestamp", started);
        m.put("description", null);
        m.put("availability_zone", a.type().availabilityZone().isEmpty() ? null : a.type().availabilityZone());
        m.put("alive", true);
        m.put("configurations", Map.of());
        return m;
    }

    /** The project a port shows: none for the L3 plugin's own ports, the router's or the VM's otherwise. */
    String tenantOf(Port p) {
        return switch (p.owner()) {
            case ROUTER_GATEWAY, FLOATINGIP, ROUTER_CENTRALIZED_SNAT, FLOATINGIP_AGENT_GATEWAY -> "";
            case ROUTER_INTERFACE, ROUTER_INTERFACE_DISTRIBUTED -> cloud.routers().stream()
                    .filter(r -> r.id().equals(p.deviceId())).map(Router::projectId).findFirst().orElse(p.projectId());
            case COMPUTE -> cloud.serverOf(p).map(s -> s.projectId()).orElse(p.projectId());
            default -> p.projectId();
        };
    }

    /**
     * neutronclient's find_resource: the object with this id, else the only one with this name.
     *
     * @param resource the singular name the client prints ({@code network}, {@code security_group})
     */
    static Map<String, Object> find(List<Map<String, Object>> all, String resource, String nameOrId) throws ClientError {
        for (Map<String, Object> m : all) {
            if (nameOrId.equals(m.get("id"))) {
                return m;
            }
        }
        List<Map<String, Object>> named = all.stream().filter(m -> nameOrId.equals(m.get("name"))).toList();
        if (named.size() > 1) {
            throw new ClientError("NeutronClientNoUniqueMatch", "Multiple " + resource + " matches found for name '"
                    + nameOrId + "', use an ID to be more specific.");
        }
        if (named.isEmpty()) {
            throw new ClientError("NotFound", "Unable to find " + resource + " with name or id '" + nameOrId + "'");
        }
        return named.get(0);
    }

    private static void stamp(Map<String, Object> m, Stamp stamp, String projectId) {
        m.put("created_at", stamp.createdAt());
        m.put("updated_at", stamp.updatedAt());
        m.put("revision_number", stamp.revision());
        m.put("project_id", projectId);
    }

    static Map<String, Object> fixedIp(FixedIp f) {
        return map("subnet_id", f.subnetId(), "ip_address", Ipv4.format(f.ip()));
    }

    private static Map<String, Object> pool(AllocationPool p) {
        return map("start", Ipv4.format(p.start()), "end", Ipv4.format(p.end()));
    }

    private static Map<String, Object> route(HostRoute r) {
        return map("destination", r.destination().toString(), "nexthop", Ipv4.format(r.nexthop()));
    }

    private static Map<String, Object> addressPair(AddressPair a) {
        String ip = a.ip().prefixLength() == 32 ? Ipv4.format(a.ip().address()) : a.ip().toString();
        return map("ip_address", ip, "mac_address", MacAddress.format(a.mac()));
    }

    private static Map<String, Object> map(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static List<Map<String, Object>> byId(List<Map<String, Object>> objects) {
        Function<Map<String, Object>, String> id = m -> (String) m.get("id");
        return objects.stream().sorted(Comparator.comparing(id)).toList();
    }
}
