package dev.packetwalk.cloud.lab;

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
import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.cloud.profile.ReleaseProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A seeded DVR cloud of any size, for benchmarks and scale tests: one dvr_snat network node per
 * 50 computes, VXLAN networks with a /24 each, distributed routers with a gateway on one flat
 * provider network (network i joins router i modulo the number of routers), VMs spread
 * round-robin over networks and computes, and a floating IP for every tenth VM.
 */
public final class GeneratedCloud {
    private GeneratedCloud() {
    }

    /** The size of a generated cloud. */
    public record Size(int computes, int vms, int networks, int routers) {
    }

    public static Cloud build(Size size, long seed) {
        Cloud cloud = new Cloud(ReleaseProfile.OCATA, new AgentOptions(true, true, true, true, true), seed,
                "0123456789abcdef0123456789abcdef", "2017-06-01T09:00:00Z");
        Neutron neutron = new Neutron(cloud);
        NeutronL3 l3 = new NeutronL3(neutron);
        Nova nova = new Nova(neutron);
        int networkNodes = Math.max(1, size.computes() / 50);
        for (int i = 0; i < networkNodes; i++) {
            neutron.addNode(node("network" + (i + 1), Set.of(Role.NETWORK), L3AgentMode.DVR_SNAT, i));
        }
        List<String> computes = new ArrayList<>();
        for (int i = 0; i < size.computes(); i++) {
            String name = "compute" + (i + 1);
            neutron.addNode(node(name, Set.of(Role.COMPUTE), L3AgentMode.DVR, networkNodes + i));
            computes.add(name);
        }
        Network provider = neutron.createNetwork(new Neutron.NetworkSpec(null, "provider", null, NetworkType.FLAT,
                "provider", null, null, false, true, null));
        neutron.createSubnet(new Neutron.SubnetSpec(null, "provider-subnet", provider.id(), Cidr.parse("100.64.0.0/16"),
                null, false, List.of(), false, List.of(), List.of(), null, null));
        List<Network> networks = new ArrayList<>();
        List<Subnet> subnets = new ArrayList<>();
        for (int i = 0; i < size.networks(); i++) {
            Network n = neutron.createNetwork(new Neutron.NetworkSpec(null, "net" + (i + 1), null, NetworkType.VXLAN,
                    null, 1000 + i, null, false, false, null));
            networks.add(n);
            int cidr = (10 << 24) | ((i >> 8) << 16) | ((i & 0xff) << 8);
            subnets.add(neutron.createSubnet(new Neutron.SubnetSpec(null, "subnet" + (i + 1), n.id(),
                    new Cidr(cidr, 24), null, false, List.of(), true, List.of(), List.of(), null, null)));
        }
        for (int r = 0; r < size.routers(); r++) {
            var router = l3.createRouter(new NeutronL3.RouterSpec(null, "router" + (r + 1), null, true, null, null));
            l3.setGateway(router.id(), provider.id(), true, null);
            for (int s = r; s < subnets.size(); s += size.routers()) {
                l3.addInterface(router.id(), subnets.get(s).id(), null, null);
            }
        }
        for (int v = 0; v < size.vms(); v++) {
            Network n = networks.get(v % networks.size());
            Server server = nova.createServer(new Nova.ServerSpec(null, "vm" + (v + 1), null,
                    computes.get(v % computes.size()), null,
                    List.of(new Nova.NicSpec(n.id(), null, null, null, null, true, List.of())), null, null, null));
            if (v % 10 == 0 && size.routers() > 0) {
                l3.createFloatingIp(new NeutronL3.FloatingIpSpec(null, provider.id(), null, server.portIds().get(0), null,
                        null, null, null));
            }
        }
        return cloud;
    }

    private static Node node(String name, Set<Role> roles, L3AgentMode mode, int index) {
        int mgmt = (172 << 24) | (16 << 16) | index + 10;
        int tunnel = (192 << 24) | (168 << 16) | index + 10;
        return new Node(name, roles, new Nic("eth0", new Cidr(mgmt, 16), null, 0), new Nic("eth1", new Cidr(tunnel, 16),
                null, 0), Map.of("provider", "br-ex"), mode, Pins.NONE);
    }
}
