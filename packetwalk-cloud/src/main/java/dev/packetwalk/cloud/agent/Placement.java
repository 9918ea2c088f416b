package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.DeviceOwner;
import dev.packetwalk.cloud.model.FloatingIp;
import dev.packetwalk.cloud.model.L3AgentMode;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Router;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which cloud objects each node's agents serve, as the Neutron server tells them: the VM and
 * DHCP ports bound there, the legacy routers scheduled there, the distributed routers that have
 * a port on one of their subnets there, the SNAT parts and the floating IP namespaces.
 */
public final class Placement {
    private final Cloud cloud;
    /** dvrRouters by node: asked for every node by every other node's l2population. */
    private final java.util.Map<String, List<Router>> dvrRouters = new java.util.HashMap<>();
    private final java.util.Map<String, java.util.Map<String, List<Port>>> portsByNode = new java.util.HashMap<>();
    private final java.util.Map<String, Set<String>> distributedRouters = new java.util.HashMap<>();

    /** What runs where in {@code cloud}, which must not change while this placement is used. */
    public Placement(Cloud cloud) {
        this.cloud = cloud;
    }

    public Cloud cloud() {
        return cloud;
    }

    /** Ports of an owner bound to a node, in creation order. */
    public List<Port> boundPorts(Node node, DeviceOwner owner) {
        List<Port> out = new ArrayList<>();
        for (Port p : cloud.portsOn(node.name())) {
            if (p.owner() == owner) {
                out.add(p);
            }
        }
        return out;
    }

    public List<Port> vmPorts(Node node) {
        return boundPorts(node, DeviceOwner.COMPUTE);
    }

    public List<Port> dhcpPorts(Node node) {
        return boundPorts(node, DeviceOwner.DHCP);
    }

    /** Legacy routers whose L3 agent is on this node. */
    public List<Router> legacyRouters(Node node) {
        List<Router> out = new ArrayList<>();
        for (Router r : cloud.routers()) {
            if (!r.distributed() && r.snatHost().equals(node.name())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Distributed routers with a qrouter namespace here: the node's L3 agent runs in a DVR mode
     * and a VM or DHCP port on one of the router's subnets is bound here, or it hosts the SNAT part.
     */
    public List<Router> dvrRouters(Node node) {
        return dvrRouters.computeIfAbsent(node.name(), n -> findDvrRouters(node));
    }

    private List<Router> findDvrRouters(Node node) {
        List<Router> out = new ArrayList<>();
        if (node.l3Mode() != L3AgentMode.DVR && node.l3Mode() != L3AgentMode.DVR_SNAT) {
            return out;
        }
        for (Router r : cloud.routers()) {
            if (r.distributed() && (r.snatHost().equals(node.name()) || servesSubnetHere(r, node))) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    private boolean servesSubnetHere(Router r, Node node) {
        Set<String> subnets = new LinkedHashSet<>();
        for (Port itf : interfaces(r)) {
            subnets.add(itf.fixedIps().get(0).subnetId());
        }
        for (Port p : cloud.portsOn(node.name())) {
            if ((p.owner() == DeviceOwner.COMPUTE || p.owner() == DeviceOwner.DHCP)
                    && p.fixedIps().stream().anyMatch(f -> subnets.contains(f.subnetId()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A network's ports bound to a node, by node name (distributed router interfaces, bound
     * nowhere, are not among them): what l2population tells every agent about the network.
     */
    public java.util.Map<String, List<Port>> boundPortsByNode(String networkId) {
        return portsByNode.computeIfAbsent(networkId, id -> {
            java.util.Map<String, List<Port>> out = new java.util.LinkedHashMap<>();
            for (Port p : cloud.portsOf(id)) {
                if (p.owner() != DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED && !p.bindingHost().isEmpty()) {
                    out.computeIfAbsent(p.bindingHost(), h -> new ArrayList<>()).add(p);
                }
            }
            return out;
        });
    }

    /** The distributed routers with an interface on a network. */
    public Set<String> distributedRoutersOn(String networkId) {
        return distributedRouters.computeIfAbsent(networkId, id -> {
            Set<String> out = new LinkedHashSet<>();
            for (Port p : cloud.portsOf(id)) {
                if (p.owner() == DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED) {
                    out.add(p.deviceId());
                }
            }
            return out;
        });
    }

    /** Distributed routers whose SNAT namespace is on this node (they have a gateway). */
    public List<Router> snatRouters(Node node) {
        List<Router> out = new ArrayList<>();
        for (Router r : cloud.routers()) {
            if (r.distributed() && r.gateway() != null && r.snatHost().equals(node.name())) {
                out.add(r);
            }
        }
        return out;
    }

    /** The router's interface ports (qr-), in creation order. */
    public List<Port> interfaces(Router r) {
        List<Port> out = new ArrayList<>();
        for (Port p : cloud.portsOwnedBy(r.id())) {
            if (p.owner().isRouterInterface()) {
                out.add(p);
            }
        }
        return out;
    }

    /** DVR's centralized-SNAT ports of a router (sg-), in creation order. */
    public List<Port> snatPorts(Router r) {
        List<Port> out = new ArrayList<>();
        for (Port p : cloud.portsOwnedBy(r.id())) {
            if (p.owner() == DeviceOwner.ROUTER_CENTRALIZED_SNAT) {
                out.add(p);
            }
        }
        return out;
    }

    public Optional<Port> gatewayPort(Router r) {
        return r.gateway() == null ? Optional.empty() : cloud.findPort(r.gateway().portId());
    }

    /** The floating IP agent gateway port (fg-) of a node on an external network. */
    public Optional<Port> agentGatewayPort(Node node, String externalNetworkId) {
        for (Port p : cloud.portsOf(externalNetworkId)) {
            if (p.owner() == DeviceOwner.FLOATINGIP_AGENT_GATEWAY && p.bindingHost().equals(node.name())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The external networks with a fip namespace on this node (it has their agent gateway port). */
    public List<String> fipNetworks(Node node) {
        List<String> out = new ArrayList<>();
        for (Port p : cloud.portsOn(node.name())) {
            if (p.owner() == DeviceOwner.FLOATINGIP_AGENT_GATEWAY && !out.contains(p.networkId())) {
                out.add(p.networkId());
            }
        }
        return out;
    }

    /** The router's floating IPs; for a distributed router only those whose port is bound to {@code node}. */
    public List<FloatingIp> floatingIps(Router r, Node node) {
        List<FloatingIp> out = new ArrayList<>();
        for (FloatingIp f : cloud.floatingIps()) {
            if (r.id().equals(f.routerId()) && (!r.distributed()
                    || cloud.port(f.portId()).bindingHost().equals(node.name()))) {
                out.add(f);
            }
        }
        return out;
    }
}
