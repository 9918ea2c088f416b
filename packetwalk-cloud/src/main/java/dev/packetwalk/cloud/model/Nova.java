package dev.packetwalk.cloud.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Nova's API on a {@link Cloud}: servers placed on a compute node (or scheduled to the least
 * loaded one), each NIC a Neutron port bound to that node, instance names counted up as
 * libvirt's {@code instance-0000000N}.
 */
public final class Nova {
    private final Cloud cloud;
    private final Neutron neutron;
    private int instances;

    public Nova(Neutron neutron) {
        this.neutron = neutron;
        this.cloud = neutron.cloud();
    }

    /** One NIC of a new server: a port to create on a network (ip, mac, id pinned or null), with its groups. */
    public record NicSpec(String networkId, Integer ip, Long mac, String portId, List<String> securityGroupIds,
            boolean portSecurity, List<AddressPair> allowedAddressPairs) {
    }

    /** A server to create; {@code host} null lets the scheduler choose, {@code instanceName} null counts on. */
    public record ServerSpec(String id, String name, String projectId, String host, String instanceName,
            List<NicSpec> nics, String flavor, String image, Stamp stamp) {
    }

    public Server createServer(ServerSpec s) {
        String host = s.host() != null ? checkCompute(s.name(), s.host()) : schedule(s.name());
        String id = neutron.newId(s.id());
        instances++;
        String instanceName = s.instanceName() != null ? s.instanceName() : String.format("instance-%08x", instances);
        List<String> portIds = new ArrayList<>();
        for (NicSpec nic : s.nics()) {
            Network net = cloud.network(nic.networkId());
            List<Neutron.IpRequest> ips = new ArrayList<>();
            if (nic.ip() != null) {
                Subnet subnet = cloud.subnetsOf(net.id()).stream().filter(x -> x.cidr().contains(nic.ip())).findFirst()
                        .orElseThrow(() -> new ModelException("server " + s.name() + ": IP "
                                + dev.packetwalk.net.Ipv4.format(nic.ip()) + " is outside every subnet of network "
                                + net.name()));
                ips.add(new Neutron.IpRequest(subnet.id(), nic.ip()));
            }
            Port port = neutron.createPort(new Neutron.PortSpec(nic.portId(), "", net.id(), nic.mac(), ips,
                    DeviceOwner.COMPUTE, id, host, nic.securityGroupIds(), nic.portSecurity(),
                    nic.allowedAddressPairs(), null));
            portIds.add(port.id());
        }
        Server server = new Server(id, s.name(), neutron.project(s.projectId()), host, instanceName, portIds,
                s.flavor() == null ? "m1.tiny" : s.flavor(), s.image() == null ? "cirros" : s.image(),
                cloud.stamp(s.stamp()));
        cloud.put(server);
        return server;
    }

    private String checkCompute(String server, String host) {
        Node node = cloud.findNode(host).orElseThrow(() -> new ModelException("server " + server + ": no node " + host));
        if (!node.has(Role.COMPUTE)) {
            throw new ModelException("server " + server + ": node " + host + " has no compute role");
        }
        return host;
    }

    private String schedule(String server) {
        return cloud.nodes().stream().filter(n -> n.has(Role.COMPUTE))
                .min(Comparator.comparingLong(n -> cloud.servers().stream().filter(v -> v.host().equals(n.name())).count()))
                .map(Node::name)
                .orElseThrow(() -> new ModelException("server " + server + ": no node has the compute role"));
    }
}
