package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.model.AddressPair;
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
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Role;
import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network node and three computes, every node mapping physnet1 to br-vlan: a VLAN provider
 * network (segment 200) and a VXLAN network (VNI 300), both behind one router (distributed
 * when {@code dvr}); vm1 (VLAN, with an allowed address pair) and vm2 (VXLAN, port security
 * off) on compute1, vm3 (VXLAN) on compute2, nothing on compute3.
 */
final class SmallCloud {
    static final long PAIR_MAC = MacAddress.parseBits("fa:16:3e:00:00:99");

    final Cloud cloud;
    final Network vlan;
    final Network vxlan;
    final Server vm1;
    final Server vm2;
    final Server vm3;
    final Deployment deployment;

    SmallCloud(boolean dvr, boolean l2population) {
        cloud = new Cloud(ReleaseProfile.OCATA, new AgentOptions(l2population, l2population, true, true, true), 9, "p",
                "2017-01-01T00:00:00Z");
        Neutron neutron = new Neutron(cloud);
        NeutronL3 l3 = new NeutronL3(neutron);
        Nova nova = new Nova(neutron);
        node(neutron, "network", Role.NETWORK, 10, dvr ? L3AgentMode.DVR_SNAT : L3AgentMode.LEGACY);
        for (int i = 1; i <= 3; i++) {
            node(neutron, "compute" + i, Role.COMPUTE, 20 + i, dvr ? L3AgentMode.DVR : null);
        }
        vlan = neutron.createNetwork(new Neutron.NetworkSpec(null, "provider", null, NetworkType.VLAN, "physnet1", 200,
                null, false, false, null));
        Subnet vlanSub = subnet(neutron, vlan, "10.1.0.0/24");
        vxlan = neutron.createNetwork(new Neutron.NetworkSpec(null, "tenant", null, NetworkType.VXLAN, null, 300, null,
                false, false, null));
        Subnet vxlanSub = subnet(neutron, vxlan, "10.3.0.0/24");
        var router = l3.createRouter(new NeutronL3.RouterSpec(null, "r", null, dvr, null, null));
        l3.addInterface(router.id(), vlanSub.id(), null, null);
        l3.addInterface(router.id(), vxlanSub.id(), null, null);
        vm1 = server(nova, "vm1", "compute1", vlan, "10.1.0.5", true,
                List.of(new AddressPair(Cidr.parse("10.9.9.0/24"), PAIR_MAC)));
        vm2 = server(nova, "vm2", "compute1", vxlan, "10.3.0.5", false, List.of());
        vm3 = server(nova, "vm3", "compute2", vxlan, "10.3.0.6", true, List.of());
        deployment = Deployment.render(cloud);
    }

    Port port(Server s) {
        return cloud.port(s.portIds().get(0));
    }

    private static void node(Neutron neutron, String name, Role role, int host, L3AgentMode mode) {
        neutron.addNode(new Node(name, Set.of(role), new Nic("eth0", Cidr.parse("10.0.0." + host + "/24"), null, 0),
                new Nic("eth1", Cidr.parse("192.168.1." + host + "/24"), null, 0), Map.of("physnet1", "br-vlan"), mode,
                Pins.NONE));
    }

    private static Subnet subnet(Neutron neutron, Network net, String cidr) {
        return neutron.createSubnet(new Neutron.SubnetSpec(null, net.name() + "-subnet", net.id(), Cidr.parse(cidr), null,
                false, List.of(), true, List.of(), List.of(), null, null));
    }

    private static Server server(Nova nova, String name, String host, Network net, String ip, boolean portSecurity,
            List<AddressPair> pairs) {
        return nova.createServer(new Nova.ServerSpec(null, name, null, host, null,
                List.of(new Nova.NicSpec(net.id(), Ipv4.parse(ip), null, null, null, portSecurity, pairs)), null, null,
                null));
    }
}
