package dev.packetwalk.cloud.model;

import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Neutron's core API on a {@link Cloud}: networks, subnets, ports and security groups, validated
 * as the server validates them, with IDs, MACs and addresses chosen as it chooses them unless a
 * request pins them. Routers and floating IPs are in {@link NeutronL3}.
 */
public final class Neutron {
    private final Cloud cloud;

    public Neutron(Cloud cloud) {
        this.cloud = cloud;
    }

    /** A network to create; null fields take Neutron's defaults (MTU 1450 on vxlan, else 1500). */
    public record NetworkSpec(String id, String name, String projectId, NetworkType type, String physicalNetwork,
            Integer segmentationId, Integer mtu, boolean shared, boolean external, Stamp stamp) {
    }

    /**
     * A subnet to create. {@code gateway} null: the first address; {@code noGateway}: none.
     * {@code pools} empty: the whole subnet but the gateway. {@code dhcpPort} pins the DHCP port
     * the scheduler creates (null: nothing pinned).
     */
    public record SubnetSpec(String id, String name, String networkId, Cidr cidr, Integer gateway, boolean noGateway,
            List<AllocationPool> pools, boolean dhcp, List<String> dnsServers, List<HostRoute> hostRoutes,
            PortPin dhcpPort, Stamp stamp) {
    }

    /** One requested fixed IP: a subnet, and an address or null for IPAM's choice. */
    public record IpRequest(String subnetId, Integer ip) {
    }

    /**
     * A port to create. {@code ips} empty: one address on the network's first subnet.
     * {@code securityGroupIds} null: the project's default group for VM ports, none otherwise.
     */
    public record PortSpec(String id, String name, String networkId, Long mac, List<IpRequest> ips, DeviceOwner owner,
            String deviceId, String host, List<String> securityGroupIds, boolean portSecurity,
            List<AddressPair> allowedAddressPairs, Stamp stamp) {
    }

    public Node addNode(Node node) {
        if (cloud.findNode(node.name()).isPresent()) {
            throw new ModelException("node " + node.name() + " is defined twice");
        }
        cloud.put(node);
        if (node.runsOvsAgent()) {
            cloud.put(new Agent(cloud.ids().uuid(), Agent.AgentType.OPEN_VSWITCH, node.name()));
        }
        if (node.runsL3Agent()) {
            cloud.put(new Agent(cloud.ids().uuid(), Agent.AgentType.L3, node.name()));
        }
        if (node.runsDhcpAgent()) {
            cloud.put(new Agent(cloud.ids().uuid(), Agent.AgentType.DHCP, node.name()));
        }
        if (node.runsL3Agent() || node.runsDhcpAgent()) {
            cloud.put(new Agent(cloud.ids().uuid(), Agent.AgentType.METADATA, node.name()));
        }
        if (node.l3Mode() == L3AgentMode.DVR || node.l3Mode() == L3AgentMode.DVR_SNAT) {
            Long pinned = node.pins().macs().get("dvr");
            cloud.putDvrMac(node.name(), pinned != null ? pinned : cloud.ids().dvrMac());
        }
        return node;
    }

    public Network createNetwork(NetworkSpec s) {
        String id = newId(s.id());
        if (s.type() != NetworkType.VXLAN) {
            boolean mapped = cloud.nodes().stream().anyMatch(n -> n.bridgeMappings().containsKey(s.physicalNetwork()));
            if (!mapped) {
                throw new ModelException("network " + s.name() + ": physical network " + s.physicalNetwork()
                        + " is in no node's bridge_mappings");
            }
        }
        for (Network other : cloud.networks()) {
            if (other.type() == s.type() && s.segmentationId() != null && s.segmentationId().equals(other.segmentationId())
                    && java.util.Objects.equals(other.physicalNetwork(), s.physicalNetwork())) {
                throw new ModelException("network " + s.name() + ": segmentation id " + s.segmentationId()
                        + " is already used by network " + other.name());
            }
        }
        int mtu = s.mtu() != null ? s.mtu() : s.type() == NetworkType.VXLAN ? 1450 : 1500;
        Network n = new Network(id, s.name(), project(s.projectId()), s.type(),
                s.type() == NetworkType.VXLAN ? null : s.physicalNetwork(), s.segmentationId(), mtu, s.shared(),
                s.external(), true, List.of("nova"), cloud.stamp(s.stamp()));
        cloud.put(n);
        return n;
    }

    public Subnet createSubnet(SubnetSpec s) {
        Network net = cloud.network(s.networkId());
        Cidr cidr = s.cidr().networkCidr();
        if (!cidr.equals(s.cidr())) {
            throw new ModelException("subnet " + s.name() + ": " + s.cidr() + " is not a network address (did you mean "
                    + cidr + "?)");
        }
        for (Subnet other : cloud.subnetsOf(net.id())) {
            if (other.cidr().overlaps(cidr)) {
                throw new ModelException("subnet " + s.name() + ": " + cidr + " overlaps subnet " + other.name() + " ("
                        + other.cidr() + ") of network " + net.name());
            }
        }
        Integer gateway = s.noGateway() ? null : s.gateway() != null ? s.gateway() : cidr.network() + 1;
        if (gateway != null && (!cidr.contains(gateway) || gateway == cidr.network() || gateway == cidr.broadcast())) {
            throw new ModelException("subnet " + s.name() + ": gateway " + Ipv4.format(gateway) + " is not a host address of "
                    + cidr);
        }
        List<AllocationPool> pools = s.pools().isEmpty() ? defaultPools(cidr, gateway) : s.pools();
        checkPools(s.name(), cidr, gateway, pools);
        Subnet subnet = new Subnet(newId(s.id()), s.name(), net.id(), net.projectId(), cidr, gateway, pools, s.dhcp(),
                s.dnsServers(), s.hostRoutes(), cloud.stamp(s.stamp()));
        cloud.put(subnet);
        if (s.dhcp()) {
            scheduleDhcp(net, subnet, PortPin.orNone(s.dhcpPort()));
        }
        return subnet;
    }

    /**
     * The DHCP agent scheduler: the network's DHCP port lives on the first network node and
     * takes the first free address of each DHCP-enabled subnet.
     */
    private void scheduleDhcp(Network net, Subnet subnet, PortPin pin) {
        java.util.Optional<Node> host = cloud.nodes().stream().filter(Node::runsDhcpAgent).findFirst();
        if (host.isEmpty()) {
            return;
        }
        for (Port p : cloud.portsOf(net.id())) {
            if (p.owner() == DeviceOwner.DHCP) {
                List<FixedIp> ips = new ArrayList<>(p.fixedIps());
                Set<Integer> used = usedIps(subnet);
                ips.add(new FixedIp(subnet.id(), pin.ip() != null ? Ipam.requested(subnet, pin.ip(), used)
                        : Ipam.first(subnet, used)));
                cloud.put(new Port(p.id(), p.name(), p.networkId(), p.projectId(), p.mac(), ips, p.owner(),
                        p.deviceId(), p.bindingHost(), p.securityGroupIds(), p.portSecurity(),
                        p.allowedAddressPairs(), p.status(), p.stamp()));
                return;
            }
        }
        String deviceId = "dhcp" + Uuid5.of(Uuid5.DNS, host.get().name()) + "-" + net.id();
        createPort(new PortSpec(pin.id(), "", net.id(), pin.mac(),
                List.of(new IpRequest(subnet.id(), pin.ip())), DeviceOwner.DHCP, deviceId,
                host.get().name(), List.of(), false, List.of(), null));
    }

    private static List<AllocationPool> defaultPools(Cidr cidr, Integer gateway) {
        int first = cidr.network() + 1;
        int last = cidr.broadcast() - 1;
        if (gateway == null || gateway < first || gateway > last) {
            return List.of(new AllocationPool(first, last));
        }
        List<AllocationPool> pools = new ArrayList<>();
        if (gateway > first) {
            pools.add(new AllocationPool(first, gateway - 1));
        }
        if (gateway < last) {
            pools.add(new AllocationPool(gateway + 1, last));
        }
        return pools;
    }

    private static void checkPools(String name, Cidr cidr, Integer gateway, List<AllocationPool> pools) {
        for (int i = 0; i < pools.size(); i++) {
            AllocationPool p = pools.get(i);
            if (!cidr.contains(p.start()) || !cidr.contains(p.end()) || Integer.compareUnsigned(p.start(), p.end()) > 0) {
                throw new ModelException("subnet " + name + ": allocation pool " + p + " is not within " + cidr);
            }
            if (gateway != null && p.contains(gateway)) {
                throw new ModelException("subnet " + name + ": gateway " + Ipv4.format(gateway)
                        + " is inside allocation pool " + p);
            }
            for (int j = 0; j < i; j++) {
                if (pools.get(j).overlaps(p)) {
                    throw new ModelException("subnet " + name + ": allocation pools " + pools.get(j) + " and " + p
                            + " overlap");
                }
            }
        }
    }

    public Port createPort(PortSpec s) {
        Network net = cloud.network(s.networkId());
        List<IpRequest> requests = s.ips();
        if (requests.isEmpty()) {
            List<Subnet> subs = cloud.subnetsOf(net.id());
            if (subs.isEmpty()) {
                throw new ModelException("port " + label(s) + ": network " + net.name() + " has no subnet");
            }
            requests = List.of(new IpRequest(subs.get(0).id(), null));
        }
        List<FixedIp> fixed = new ArrayList<>();
        for (IpRequest r : requests) {
            Subnet subnet = cloud.subnet(r.subnetId());
            if (!subnet.networkId().equals(net.id())) {
                throw new ModelException("port " + label(s) + ": subnet " + subnet.name() + " is not on network " + net.name());
            }
            Set<Integer> used = usedIps(subnet);
            int ip;
            if (r.ip() != null) {
                ip = Ipam.requested(subnet, r.ip(), used);
            } else if (s.owner().isRouterInterface() && subnet.gateway() != null && !used.contains(subnet.gateway())) {
                ip = subnet.gateway();
            } else if (s.owner() == DeviceOwner.DHCP) {
                ip = Ipam.first(subnet, used);
            } else {
                ip = Ipam.any(subnet, used, cloud.ids());
            }
            fixed.add(new FixedIp(subnet.id(), ip));
        }
        long mac = s.mac() != null ? s.mac() : cloud.ids().portMac();
        for (Port p : cloud.portsOf(net.id())) {
            if (p.mac() == mac && !(s.owner() == DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED && p.owner() == s.owner())) {
                throw new ModelException("port " + label(s) + ": MAC address " + dev.packetwalk.net.MacAddress.format(mac)
                        + " is already in use on network " + net.name());
            }
        }
        List<String> groups = s.securityGroupIds() != null ? s.securityGroupIds()
                : s.owner() == DeviceOwner.COMPUTE ? List.of(defaultGroup(net.projectId()).id()) : List.of();
        groups.forEach(cloud::securityGroup);
        String host = s.host() == null ? "" : s.host();
        if (!host.isEmpty()) {
            cloud.node(host);
        }
        String status = s.owner() == DeviceOwner.FLOATINGIP ? "N/A"
                : !host.isEmpty() || s.owner() == DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED ? "ACTIVE" : "DOWN";
        Port port = new Port(newId(s.id()), s.name() == null ? "" : s.name(), net.id(), net.projectId(), mac, fixed,
                s.owner(), s.deviceId() == null ? "" : s.deviceId(), host, groups, s.portSecurity(),
                s.allowedAddressPairs(), status, cloud.stamp(s.stamp()));
        cloud.put(port);
        return port;
    }

    /** The addresses of a subnet that ports hold, with its gateway (which only a router interface may take). */
    Set<Integer> usedIps(Subnet subnet) {
        Set<Integer> used = new HashSet<>();
        for (Port p : cloud.portsOf(subnet.networkId())) {
            for (FixedIp f : p.fixedIps()) {
                if (f.subnetId().equals(subnet.id())) {
                    used.add(f.ip());
                }
            }
        }
        return used;
    }

    /** Creates a security group; {@code rules} null gives the default group's four rules. */
    public SecurityGroup createSecurityGroup(String id, String name, String projectId, String description,
            Stamp stamp) {
        SecurityGroup g = new SecurityGroup(newId(id), name, project(projectId), description == null ? "" : description,
                List.of(), cloud.stamp(stamp));
        cloud.put(g);
        return g;
    }

    /** A rule to add to a security group; {@code remoteGroupId} may name the group itself. */
    public record RuleSpec(String id, Direction direction, String ethertype, String protocol, Integer portMin,
            Integer portMax, Cidr remoteIpPrefix, String remoteGroupId) {
    }

    public SecurityGroupRule addRule(String groupId, RuleSpec s) {
        SecurityGroup g = cloud.securityGroup(groupId);
        if (s.remoteGroupId() != null) {
            cloud.securityGroup(s.remoteGroupId());
        }
        if (s.protocol() != null && !List.of("tcp", "udp", "icmp").contains(s.protocol())
                && !s.protocol().chars().allMatch(Character::isDigit)) {
            throw new ModelException("security group " + g.name() + ": unknown protocol \"" + s.protocol()
                    + "\" (tcp, udp, icmp or a number)");
        }
        if ((s.portMin() != null || s.portMax() != null) && s.protocol() == null) {
            throw new ModelException("security group " + g.name() + ": a port range needs a protocol");
        }
        SecurityGroupRule rule = new SecurityGroupRule(newId(s.id()), g.id(), s.direction(),
                s.ethertype() == null ? "IPv4" : s.ethertype(), s.protocol(), s.portMin(), s.portMax(),
                s.remoteIpPrefix(), s.remoteGroupId());
        List<SecurityGroupRule> rules = new ArrayList<>(g.rules());
        rules.add(rule);
        cloud.put(g.withRules(rules));
        return rule;
    }

    /**
     * The project's group named {@code default}, created on first use with its four rules:
     * egress IPv4 and IPv6 to anywhere, ingress IPv4 and IPv6 from members of the group.
     */
    public SecurityGroup defaultGroup(String projectId) {
        return findDefaultGroup(projectId).orElseGet(() -> createDefaultGroup(null, projectId, null, null, true));
    }

    /**
     * Creates a project's default group before its first use, as a lab pins it: id and stamp
     * (null: generated), description (null: Neutron's), and the four default rules or none (the
     * caller then adds its own).
     */
    public SecurityGroup createDefaultGroup(String id, String projectId, String description, Stamp stamp,
            boolean withDefaultRules) {
        String project = project(projectId);
        if (findDefaultGroup(project).isPresent()) {
            throw new ModelException("project " + project + " already has a default security group");
        }
        SecurityGroup g = createSecurityGroup(id, "default", project,
                description == null ? "Default security group" : description, stamp);
        if (withDefaultRules) {
            addRule(g.id(), new RuleSpec(null, Direction.EGRESS, "IPv4", null, null, null, null, null));
            addRule(g.id(), new RuleSpec(null, Direction.EGRESS, "IPv6", null, null, null, null, null));
            addRule(g.id(), new RuleSpec(null, Direction.INGRESS, "IPv4", null, null, null, null, g.id()));
            addRule(g.id(), new RuleSpec(null, Direction.INGRESS, "IPv6", null, null, null, null, g.id()));
        }
        return cloud.securityGroup(g.id());
    }

    private java.util.Optional<SecurityGroup> findDefaultGroup(String projectId) {
        return cloud.securityGroups().stream()
                .filter(g -> g.name().equals("default") && g.projectId().equals(projectId)).findFirst();
    }

    /**
     * Pins local VLANs on a node once their networks exist: a lab names the networks, which are
     * created after the nodes that carry them. A VLAN is 1-4094 and serves one network per node.
     */
    public Node pinLocalVlans(String nodeName, Map<String, Integer> vlansByNetworkId) {
        Node node = cloud.node(nodeName);
        Map<String, Integer> vlans = new LinkedHashMap<>(node.pins().localVlans());
        vlans.putAll(vlansByNetworkId);
        Map<Integer, String> networkByVlan = new HashMap<>();
        for (Map.Entry<String, Integer> pin : vlans.entrySet()) {
            Network net = cloud.network(pin.getKey());
            int vlan = pin.getValue();
            if (vlan < 1 || vlan > 4094) {
                throw new ModelException("node " + nodeName + ": local VLAN " + vlan + " of network " + net.name()
                        + " is not from 1 to 4094");
            }
            String other = networkByVlan.put(vlan, net.name());
            if (other != null) {
                throw new ModelException("node " + nodeName + ": local VLAN " + vlan + " is pinned for networks "
                        + other + " and " + net.name());
            }
        }
        Node updated = node.withPins(node.pins().withLocalVlans(vlans));
        cloud.put(updated);
        return updated;
    }

    String project(String requested) {
        return requested != null ? requested : cloud.projectId();
    }

    String newId(String pinned) {
        if (pinned == null) {
            return cloud.ids().uuid();
        }
        if (cloud.hasId(pinned)) {
            throw new ModelException("id " + pinned + " is used twice");
        }
        if (!pinned.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new ModelException("id \"" + pinned + "\" is not a UUID (8-4-4-4-12 lower-case hex)");
        }
        return pinned;
    }

    private static String label(PortSpec s) {
        return s.name() != null && !s.name().isEmpty() ? s.name() : s.id() != null ? s.id() : "(new)";
    }

    Cloud cloud() {
        return cloud;
    }
}
