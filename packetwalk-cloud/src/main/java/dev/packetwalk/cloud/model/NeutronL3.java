package dev.packetwalk.cloud.model;

import dev.packetwalk.net.Ipv4;

import java.util.List;
import java.util.Optional;

/**
 * Neutron's L3 API on a {@link Cloud}: routers (scheduled to an L3 agent), their gateways and
 * interfaces, floating IPs, and the ports these create by themselves — DVR's centralized-SNAT
 * ports and floating IP agent gateway ports — as the L3 plugin creates them.
 */
public final class NeutronL3 {
    private final Cloud cloud;
    private final Neutron neutron;

    public NeutronL3(Neutron neutron) {
        this.neutron = neutron;
        this.cloud = neutron.cloud();
    }

    /** A router to create; {@code host} pins the L3 agent that hosts it (null: the scheduler's choice). */
    public record RouterSpec(String id, String name, String projectId, boolean distributed, String host,
            Stamp stamp) {
    }

    public Router createRouter(RouterSpec s) {
        Router r = new Router(neutron.newId(s.id()), s.name(), neutron.project(s.projectId()), s.distributed(), false,
                null, List.of(), schedule(s.name(), s.distributed(), s.host()), cloud.stamp(s.stamp()));
        cloud.put(r);
        return r;
    }

    /**
     * The L3 agent scheduler: a legacy router or a DVR router's SNAT part goes to the first node
     * whose agent hosts central routers (legacy or dvr_snat mode), or to the pinned one.
     */
    private String schedule(String router, boolean distributed, String pinned) {
        if (pinned != null) {
            Node n = cloud.node(pinned);
            if (n.l3Mode() == null || !n.l3Mode().hostsCentralRouters()
                    || (distributed && n.l3Mode() != L3AgentMode.DVR_SNAT)) {
                throw new ModelException("router " + router + ": node " + pinned + " runs no L3 agent that can host it");
            }
            return pinned;
        }
        for (Node n : cloud.nodes()) {
            if (n.l3Mode() != null && (distributed ? n.l3Mode() == L3AgentMode.DVR_SNAT : n.l3Mode().hostsCentralRouters())) {
                return n.name();
            }
        }
        throw new ModelException("router " + router + ": no L3 agent can host it (a node with l3_agent_mode "
                + (distributed ? "dvr_snat" : "legacy or dvr_snat") + " is needed)");
    }

    /** Sets the router's external gateway on {@code networkId}; creates the gateway port (and DVR's SNAT ports). */
    public Router setGateway(String routerId, String networkId, boolean enableSnat, PortPin pin) {
        Router r = cloud.router(routerId);
        Network net = cloud.network(networkId);
        if (!net.external()) {
            throw new ModelException("router " + r.name() + ": network " + net.name()
                    + " is not an external network (router:external is False)");
        }
        PortPin p = PortPin.orNone(pin);
        Port gw = neutron.createPort(new Neutron.PortSpec(p.id(), "", net.id(), p.mac(), ips(net, p.ip()),
                DeviceOwner.ROUTER_GATEWAY, r.id(), r.snatHost(), List.of(), false, List.of(), null));
        cloud.put(gw.withProject(""));
        Router updated = r.withGateway(new ExternalGateway(net.id(), enableSnat, gw.id()));
        cloud.put(updated);
        if (r.distributed()) {
            for (Port itf : cloud.portsOwnedBy(r.id())) {
                if (itf.owner() == DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED) {
                    snatPort(updated, itf, PortPin.NONE);
                }
            }
        }
        return updated;
    }

    /**
     * Attaches a subnet: a router interface port holding the subnet's gateway address (or the
     * pinned one). A DVR router with a gateway also gets the subnet's centralized-SNAT port.
     */
    public Port addInterface(String routerId, String subnetId, PortPin pin, PortPin snatPin) {
        Router r = cloud.router(routerId);
        Subnet subnet = cloud.subnet(subnetId);
        if (subnet.gateway() == null && (pin == null || pin.ip() == null)) {
            throw new ModelException("router " + r.name() + ": subnet " + subnet.name()
                    + " has no gateway IP to give the router interface");
        }
        for (Port p : cloud.portsOf(subnet.networkId())) {
            if (p.owner().isRouterInterface() && p.deviceId().equals(r.id())
                    && p.fixedIps().stream().anyMatch(f -> f.subnetId().equals(subnet.id()))) {
                throw new ModelException("router " + r.name() + " already has an interface on subnet " + subnet.name());
            }
        }
        PortPin p = PortPin.orNone(pin);
        DeviceOwner owner = r.distributed() ? DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED : DeviceOwner.ROUTER_INTERFACE;
        Integer ip = p.ip() != null ? p.ip() : subnet.gateway();
        Port itf = neutron.createPort(new Neutron.PortSpec(p.id(), "", subnet.networkId(), p.mac(),
                List.of(new Neutron.IpRequest(subnet.id(), ip)), owner, r.id(), r.distributed() ? "" : r.snatHost(),
                List.of(), false, List.of(), null));
        if (r.distributed() && r.gateway() != null) {
            snatPort(r, itf, PortPin.orNone(snatPin));
        }
        return itf;
    }

    private void snatPort(Router r, Port itf, PortPin pin) {
        String subnetId = itf.fixedIps().get(0).subnetId();
        neutron.createPort(new Neutron.PortSpec(pin.id(), "", itf.networkId(), pin.mac(),
                List.of(new Neutron.IpRequest(subnetId, pin.ip())), DeviceOwner.ROUTER_CENTRALIZED_SNAT, r.id(),
                r.snatHost(), List.of(), false, List.of(), null));
    }

    /** A floating IP to create on an external network, associated with a port's fixed IP when portId is set. */
    public record FloatingIpSpec(String id, String networkId, Integer ip, String portId, Integer fixedIp,
            PortPin floatingPort, PortPin agentGatewayPort, Stamp stamp) {
    }

    public FloatingIp createFloatingIp(FloatingIpSpec s) {
        Network net = cloud.network(s.networkId());
        if (!net.external()) {
            throw new ModelException("floating IP" + (s.ip() == null ? "" : " " + Ipv4.format(s.ip())) + ": network "
                    + net.name() + " is not external (router:external is False)");
        }
        String id = neutron.newId(s.id());
        PortPin fp = PortPin.orNone(s.floatingPort());
        Port floatingPort = neutron.createPort(new Neutron.PortSpec(fp.id(), "", net.id(), fp.mac(), ips(net, s.ip()),
                DeviceOwner.FLOATINGIP, id, "", List.of(), false, List.of(), null));
        String routerId = null;
        Integer fixed = null;
        if (s.portId() != null) {
            Port port = cloud.port(s.portId());
            FixedIp f = s.fixedIp() == null ? port.fixedIps().get(0)
                    : port.fixedIps().stream().filter(x -> x.ip() == s.fixedIp()).findFirst().orElseThrow(() ->
                            new ModelException("floating IP: port " + port.id() + " has no fixed IP "
                                    + Ipv4.format(s.fixedIp())));
            Router router = routerFor(net, f).orElseThrow(() -> new ModelException("External network " + net.id()
                    + " is not reachable from subnet " + f.subnetId() + ".  Therefore, cannot associate Port "
                    + port.id() + " with a Floating IP."));
            routerId = router.id();
            fixed = f.ip();
            if (router.distributed() && !port.bindingHost().isEmpty()) {
                agentGatewayPort(net, port.bindingHost(), PortPin.orNone(s.agentGatewayPort()));
            }
        }
        FloatingIp fip = new FloatingIp(id, floatingPort.ip(), net.id(), floatingPort.id(), s.portId(), fixed, routerId,
                net.projectId(), cloud.stamp(s.stamp()));
        cloud.put(fip);
        return fip;
    }

    /** The router with a gateway on {@code external} and an interface on the fixed IP's subnet. */
    private Optional<Router> routerFor(Network external, FixedIp fixed) {
        for (Router r : cloud.routers()) {
            if (r.gateway() == null || !r.gateway().networkId().equals(external.id())) {
                continue;
            }
            for (Port p : cloud.portsOwnedBy(r.id())) {
                if (p.owner().isRouterInterface() && p.fixedIps().stream().anyMatch(x -> x.subnetId().equals(fixed.subnetId()))) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /** DVR's floating IP agent gateway port (the fg- device): one per node and external network. */
    private void agentGatewayPort(Network net, String host, PortPin pin) {
        for (Port p : cloud.portsOf(net.id())) {
            if (p.owner() == DeviceOwner.FLOATINGIP_AGENT_GATEWAY && p.bindingHost().equals(host)) {
                return;
            }
        }
        String agentId = cloud.agent(Agent.AgentType.L3, host).map(Agent::id).orElseThrow(() ->
                new ModelException("node " + host + " runs no L3 agent for the distributed router's floating IPs"));
        neutron.createPort(new Neutron.PortSpec(pin.id(), "", net.id(), pin.mac(), ips(net, pin.ip()),
                DeviceOwner.FLOATINGIP_AGENT_GATEWAY, agentId, host, List.of(), false, List.of(), null));
    }

    private List<Neutron.IpRequest> ips(Network net, Integer ip) {
        List<Subnet> subs = cloud.subnetsOf(net.id());
        if (subs.isEmpty()) {
            throw new ModelException("network " + net.name() + " has no subnet");
        }
        if (ip == null) {
            return List.of(new Neutron.IpRequest(subs.get(0).id(), null));
        }
        for (Subnet sub : subs) {
            if (sub.cidr().contains(ip)) {
                return List.of(new Neutron.IpRequest(sub.id(), ip));
            }
        }
        throw new ModelException("IP address " + Ipv4.format(ip) + " is in no subnet of network " + net.name());
    }
}
