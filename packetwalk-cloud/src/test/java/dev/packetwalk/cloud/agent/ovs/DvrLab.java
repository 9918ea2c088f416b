package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.model.AgentOptions;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.L3AgentMode;
import dev.packetwalk.cloud.model.Network;
import dev.packetwalk.cloud.model.NetworkType;
import dev.packetwalk.cloud.model.Neutron;
import dev.packetwalk.cloud.model.NeutronL3;
import dev.packetwalk.cloud.model.Nic;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Nova;
import dev.packetwalk.cloud.model.Pins;
import dev.packetwalk.cloud.model.Role;
import dev.packetwalk.cloud.model.Router;
import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.net.Ipv4;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small DVR cloud in the shape of seed 000: a dvr_snat controller and two dvr computes, the
 * VXLAN networks RED (10.0.0.0/24, VNI 100) and GREEN (10.2.2.0/24, VNI 101), a distributed
 * router VR with its gateway on the flat provider network 200.0.0.0/24, RED1 and GREEN1 on
 * compute1, RED3 and GREEN2 on compute2, and a floating IP for RED1.
 */
final class DvrLab {
    final Cloud cloud;
    final Network red;
    final Network green;
    final Network provider;
    final Router router;
    final Server red1;
    final Server green1;
    final Server red3;
    final Server green2;

    DvrLab(ReleaseProfile profile, AgentOptions options) {
        cloud = new Cloud(profile, options, 2016, "demo", "2016-12-01T00:00:00Z");
        Neutron neutron = new Neutron(cloud);
        NeutronL3 l3 = new NeutronL3(neutron);
        Nova nova = new Nova(neutron);
        node(neutron, "controller", Set.of(Role.CONTROLLER, Role.NETWORK), 11, L3AgentMode.DVR_SNAT);
        node(neutron, "compute1", Set.of(Role.COMPUTE), 21, L3AgentMode.DVR);
        node(neutron, "compute2", Set.of(Role.COMPUTE), 22, L3AgentMode.DVR);
        provider = neutron.createNetwork(new Neutron.NetworkSpec(null, "provider", null, NetworkType.FLAT, "external",
                null, null, false, true, null));
        neutron.createSubnet(new Neutron.SubnetSpec(null, "provider-subnet", provider.id(), Cidr.parse("200.0.0.0/24"),
                null, false, List.of(), false, List.of(), List.of(), null, null));
        red = neutron.createNetwork(new Neutron.NetworkSpec(null, "RED", null, NetworkType.VXLAN, null, 100, null, false,
                false, null));
        Subnet redSub = subnet(neutron, red, "10.0.0.0/24");
        green = neutron.createNetwork(new Neutron.NetworkSpec(null, "GREEN", null, NetworkType.VXLAN, null, 101, null,
                false, false, null));
        Subnet greenSub = subnet(neutron, green, "10.2.2.0/24");
        Router vr = l3.createRouter(new NeutronL3.RouterSpec(null, "VR", null, true, null, null));
        l3.setGateway(vr.id(), provider.id(), true, null);
        l3.addInterface(vr.id(), redSub.id(), null, null);
        l3.addInterface(vr.id(), greenSub.id(), null, null);
        router = cloud.router(vr.id());
        red1 = server(nova, "RED1", "compute1", red, "10.0.0.4");
        green1 = server(nova, "GREEN1", "compute1", green, "10.2.2.4");
        red3 = server(nova, "RED3", "compute2", red, "10.0.0.6");
        green2 = server(nova, "GREEN2", "compute2", green, "10.2.2.5");
        l3.createFloatingIp(new NeutronL3.FloatingIpSpec(null, provider.id(), Ipv4.parse("200.0.0.20"),
                red1.portIds().get(0), null, null, null, null));
    }

    private static void node(Neutron neutron, String name, Set<Role> roles, int host, L3AgentMode mode) {
        neutron.addNode(new Node(name, roles, new Nic("eth0", Cidr.parse("172.16.0." + host + "/24"), null, 0),
                new Nic("eth1", Cidr.parse("192.168.1." + host + "/24"), null, 0), Map.of("external", "br-ex"), mode,
                Pins.NONE));
    }

    private static Subnet subnet(Neutron neutron, Network net, String cidr) {
        return neutron.createSubnet(new Neutron.SubnetSpec(null, net.name() + "-subnet", net.id(), Cidr.parse(cidr), null,
                false, List.of(), true, List.of(), List.of(), null, null));
    }

    private static Server server(Nova nova, String name, String host, Network net, String ip) {
        return nova.createServer(new Nova.ServerSpec(null, name, null, host, null,
                List.of(new Nova.NicSpec(net.id(), Ipv4.parse(ip), null, null, null, true, List.of())), null, null, null));
    }
}
