package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.IdSource;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.host.Host;
import dev.packetwalk.linux.Namespace;

/**
 * Everything the agents of one node work with: the cloud as the server tells them, the node,
 * its host (kernel and switch), what runs here, the OVS and Linux facades, and the node's own
 * randomness.
 */
public final class NodeContext {
    private final Cloud cloud;
    private final Node node;
    private final Host host;
    private final Placement placement;
    private final OvsLib ovs;
    private final IpLib root;
    private final InterfaceDriver driver;
    private final IdSource random;
    private final java.util.Map<String, dev.packetwalk.cloud.agent.l3.FipNamespace> fipNamespaces =
            new java.util.LinkedHashMap<>();
    private dev.packetwalk.cloud.agent.ovs.OvsAgent ovsAgent;

    public NodeContext(Placement placement, Node node, Host host) {
        this.cloud = placement.cloud();
        this.node = node;
        this.host = host;
        this.placement = placement;
        this.ovs = new OvsLib(host.vswitch(), node.pins());
        this.root = new IpLib(host.kernel().root());
        this.driver = new InterfaceDriver(ovs, root);
        this.random = cloud.ids(node.name());
    }

    public Cloud cloud() {
        return cloud;
    }

    public Node node() {
        return node;
    }

    public Host host() {
        return host;
    }

    public Placement placement() {
        return placement;
    }

    public OvsLib ovs() {
        return ovs;
    }

    public IpLib root() {
        return root;
    }

    public InterfaceDriver driver() {
        return driver;
    }

    public IdSource random() {
        return random;
    }

    /** The L3 agent's fip namespaces on this node, by external network id. */
    public java.util.Map<String, dev.packetwalk.cloud.agent.l3.FipNamespace> fipNamespaces() {
        return fipNamespaces;
    }

    /** The node's running OVS agent (null before it starts), which binds ports after the other agents plug them. */
    public dev.packetwalk.cloud.agent.ovs.OvsAgent ovsAgent() {
        return ovsAgent;
    }

    public void ovsAgent(dev.packetwalk.cloud.agent.ovs.OvsAgent agent) {
        this.ovsAgent = agent;
    }

    /** Creates a namespace as ip_lib's ensure_namespace does: with its loopback up. */
    public IpLib namespace(String name) {
        Namespace ns = host.kernel().addNamespace(name);
        IpLib ip = new IpLib(ns);
        ip.up(ip.device("lo"));
        return ip;
    }
}
