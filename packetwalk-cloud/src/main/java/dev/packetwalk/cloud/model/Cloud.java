package dev.packetwalk.cloud.model;

import dev.packetwalk.cloud.profile.ReleaseProfile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one cloud as its API services hold it: nodes, networks, subnets, ports, routers,
 * floating IPs, security groups and servers, each an immutable record kept in creation order.
 * Changes go through {@link Neutron} and {@link Nova}, which validate them; this class only
 * stores and finds.
 */
public final class Cloud {
    private final ReleaseProfile profile;
    private final AgentOptions options;
    private final IdSource ids;
    private final long seed;
    private final String projectId;
    private final String timestamp;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private final Map<String, Router> routers = new LinkedHashMap<>();
    private final Map<String, FloatingIp> floatingIps = new LinkedHashMap<>();
    private final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Map<String, Long> dvrMacs = new LinkedHashMap<>();
    private final List<Agent> agents = new ArrayList<>();
    private final Index<Port> portsByNetwork = new Index<>(Port::networkId, Port::id);
    private final Index<Port> portsByDevice = new Index<>(Port::deviceId, Port::id);
    private final Index<Port> portsByHost = new Index<>(Port::bindingHost, Port::id);
    private final Index<Subnet> subnetsByNetwork = new Index<>(Subnet::networkId, Subnet::id);

    /**
     * An empty cloud. {@code projectId} is the project objects belong to unless a request names
     * another; {@code timestamp} is what the API prints as created_at/updated_at by default.
     */
    public Cloud(ReleaseProfile profile, AgentOptions options, long seed, String projectId, String timestamp) {
        this.profile = profile;
        this.options = options;
        this.ids = new IdSource(seed);
        this.seed = seed;
        this.projectId = projectId;
        this.timestamp = timestamp;
    }

    public ReleaseProfile profile() {
        return profile;
    }

    public AgentOptions options() {
        return options;
    }

    public IdSource ids() {
        return ids;
    }

    /**
     * A node's own randomness (its agents' bridge cookies, link-local pairs, rule priorities),
     * independent of the order the API created objects in.
     */
    public IdSource ids(String node) {
        return new IdSource(seed * 31 + node.hashCode());
    }

    public String projectId() {
        return projectId;
    }

    /** A new object's stamp: created and updated now, revision 1 (or what a request pinned). */
    public Stamp stamp(Stamp pinned) {
        return pinned != null ? pinned : new Stamp(timestamp, timestamp, 1);
    }

    // ---- reading --------------------------------------------------------------------------

    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public Node node(String name) {
        return find(nodes, name, "node");
    }

    public Optional<Node> findNode(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public Collection<Network> networks() {
        return Collections.unmodifiableCollection(networks.values());
    }

    public Network network(String id) {
        return find(networks, id, "network");
    }

    public Collection<Subnet> subnets() {
        return Collections.unmodifiableCollection(subnets.values());
    }

    public Subnet subnet(String id) {
        return find(subnets, id, "subnet");
    }

    public List<Subnet> subnetsOf(String networkId) {
        return subnetsByNetwork.get(networkId, subnets);
    }

    public Collection<Port> ports() {
        return Collections.unmodifiableCollection(ports.values());
    }

    public Port port(String id) {
        return find(ports, id, "port");
    }

    public Optional<Port> findPort(String id) {
        return Optional.ofNullable(ports.get(id));
    }

    public List<Port> portsOf(String networkId) {
        return portsByNetwork.get(networkId, ports);
    }

    public List<Port> portsOwnedBy(String deviceId) {
        return portsByDevice.get(deviceId, ports);
    }

    /** The ports bound to a node, in creation order. */
    public List<Port> portsOn(String host) {
        return portsByHost.get(host, ports);
    }

    public Collection<Router> routers() {
        return Collections.unmodifiableCollection(routers.values());
    }

    public Router router(String id) {
        return find(routers, id, "router");
    }

    public Collection<FloatingIp> floatingIps() {
        return Collections.unmodifiableCollection(floatingIps.values());
    }

    public Collection<SecurityGroup> securityGroups() {
        return Collections.unmodifiableCollection(securityGroups.values());
    }

    public SecurityGroup securityGroup(String id) {
        return find(securityGroups, id, "security group");
    }

    public Collection<Server> servers() {
        return Collections.unmodifiableCollection(servers.values());
    }

    public Server server(String id) {
        return find(servers, id, "server");
    }

    /** The server that owns a port, if a VM does. */
    public Optional<Server> serverOf(Port port) {
        return Optional.ofNullable(servers.get(port.deviceId()));
    }

    /** The DVR host MACs, by node name (nodes whose OVS agent runs with distributed routing). */
    public Map<String, Long> dvrMacs() {
        return Collections.unmodifiableMap(dvrMacs);
    }

    /** The agents, in the order their nodes joined. */
    public List<Agent> agents() {
        return Collections.unmodifiableList(agents);
    }

    /** The agent of a kind on a node, if it runs one. */
    public Optional<Agent> agent(Agent.AgentType type, String host) {
        return agents.stream().filter(a -> a.type() == type && a.host().equals(host)).findFirst();
    }

    // ---- storing (for Neutron and Nova) ---------------------------------------------------

    void put(Node node) {
        nodes.put(node.name(), node);
    }

    void put(Network network) {
        networks.put(network.id(), network);
    }

    void put(Subnet subnet) {
        subnetsByNetwork.replace(subnets.put(subnet.id(), subnet), subnet);
    }

    void put(Port port) {
        Port old = ports.put(port.id(), port);
        portsByNetwork.replace(old, port);
        portsByDevice.replace(old, port);
        portsByHost.replace(old, port);
    }

    void put(Router router) {
        routers.put(router.id(), router);
    }

    void put(FloatingIp fip) {
        floatingIps.put(fip.id(), fip);
    }

    void put(SecurityGroup group) {
        securityGroups.put(group.id(), group);
    }

    void put(Server server) {
        servers.put(server.id(), server);
    }

    void put(Agent agent) {
        agents.add(agent);
    }

    void putDvrMac(String node, long mac) {
        dvrMacs.put(node, mac);
    }

    boolean hasId(String id) {
        return networks.containsKey(id) || subnets.containsKey(id) || ports.containsKey(id)
                || routers.containsKey(id) || floatingIps.containsKey(id) || securityGroups.containsKey(id)
                || servers.containsKey(id);
    }

    private static <T> T find(Map<String, T> map, String key, String what) {
        T v = map.get(key);
        if (v == null) {
            throw new ModelException("no " + what + " " + key);
        }
        return v;
    }

}
