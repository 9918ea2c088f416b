package dev.packetwalk.cloud.api;

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
import dev.packetwalk.cloud.model.PortPin;
import dev.packetwalk.cloud.model.Role;
import dev.packetwalk.cloud.model.Router;
import dev.packetwalk.cloud.model.Stamp;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 004's cloud (the "Packet walk ... North South traffic" post), built through the model's
 * API with the seed's ids, MACs and addresses pinned: net1 (VXLAN 90) with its DHCP port, the
 * external network 172.24.4.0/24, routers r1, r2 and router1 with their gateways, VM c-private
 * on compute01 and its floating IP 172.24.4.3.
 */
final class SeedCloud {
    static final String DEMO = "0283565b977d4bdaaa57fa8bdf2e0159";
    static final String ADMIN = "d67ee95c357642549d48c2ea36250947";
    static final String NET1 = "1763ddbb-7689-4266-919d-e250e7577749";
    static final String SUBNET1 = "0685edba-9a91-4bc8-badc-5427e716693a";
    static final String PUBLIC = "d478a8b8-96fa-4996-a472-938215b0d1e2";
    static final String PUBLIC_SUBNET = "b193dc42-77ac-44cb-8622-f15331cf6319";
    static final String R1 = "bfc87e1e-6b93-446f-a305-6dc6153c1198";
    static final String VM_PORT = "f7eae624-3488-4ccb-962a-d94f9b86aeb7";

    private SeedCloud() {
    }

    static Cloud build() {
        Cloud cloud = new Cloud(ReleaseProfile.OCATA, AgentOptions.DEFAULTS, 4L, DEMO, "2017-05-30T01:14:03Z");
        Neutron neutron = new Neutron(cloud);
        NeutronL3 l3 = new NeutronL3(neutron);
        Nova nova = new Nova(neutron);
        neutron.addNode(node("controller", Role.CONTROLLER, "192.168.1.11", null, Map.of(), null));
        neutron.addNode(node("network-node", Role.NETWORK, "192.168.1.12", "192.168.1.12", Map.of("external", "br-ex"),
                L3AgentMode.LEGACY));
        neutron.addNode(node("compute01", Role.COMPUTE, "192.168.1.13", "192.168.1.13", Map.of(), null));

        Network net1 = neutron.createNetwork(new Neutron.NetworkSpec(NET1, "net1", DEMO, NetworkType.VXLAN, null, 90, null,
                true, false, new Stamp("2017-05-30T01:14:03Z", "2017-05-31T06:44:28Z", 11)));
        Subnet sub1 = neutron.createSubnet(new Neutron.SubnetSpec(SUBNET1, "sub1", net1.id(), Cidr.parse("172.19.1.0/24"),
                null, false, List.of(), true, List.of(), List.of(),
                new PortPin("3775bfe7-6ed2-4a95-883e-701a6d04e6a2", mac("fa:16:3e:65:8c:df"), ip("172.19.1.2")), null));
        Network pub = neutron.createNetwork(new Neutron.NetworkSpec(PUBLIC, "public", ADMIN, NetworkType.FLAT, "external",
                null, null, false, true, null));
        neutron.createSubnet(new Neutron.SubnetSpec(PUBLIC_SUBNET, "public-subnet", pub.id(), Cidr.parse("172.24.4.0/24"),
                null, false, List.of(), false, List.of(), List.of(), null, null));

        Router r1 = l3.createRouter(new NeutronL3.RouterSpec(R1, "r1", DEMO, false, null, null));
        l3.setGateway(r1.id(), pub.id(), true,
                new PortPin("a1b3323f-35c5-44b8-9e6d-be1b06fc6892", mac("fa:16:3e:94:5d:70"), ip("172.24.4.12")));
        l3.addInterface(r1.id(), sub1.id(),
                new PortPin("2c628d36-765c-420b-b008-b6311a0ed17a", mac("fa:16:3e:ca:72:d8"), null), null);
        Router r2 = l3.createRouter(new NeutronL3.RouterSpec("0b0cb65f-3739-4ca8-a68b-271545681aa7", "r2", DEMO, false,
                null, null));
        l3.setGateway(r2.id(), pub.id(), false, new PortPin(null, null, ip("172.24.4.2")));
        Router router1 = l3.createRouter(new NeutronL3.RouterSpec("58731090-1c82-4aa5-b319-1598c7e6ae06", "router1", ADMIN,
                false, null, null));
        l3.setGateway(router1.id(), pub.id(), true, new PortPin(null, null, ip("172.24.4.9")));

        nova.createServer(new Nova.ServerSpec(null, "c-private", DEMO, "compute01", "instance-00000003",
                List.of(new Nova.NicSpec(net1.id(), ip("172.19.1.3"), mac("fa:16:3e:3b:53:26"), VM_PORT, null, true,
                        List.of())), null, null, null));
        l3.createFloatingIp(new NeutronL3.FloatingIpSpec(null, pub.id(), ip("172.24.4.3"), VM_PORT, null, null, null, null));
        return cloud;
    }

    private static Node node(String name, Role role, String management, String tunnel, Map<String, String> mappings,
            L3AgentMode l3Mode) {
        Nic mgmt = new Nic("eth0", Cidr.parse(management + "/24"), null, 0x525400000000L | ip(management) & 0xff);
        Nic tun = tunnel == null ? null : new Nic("eth1", Cidr.parse(tunnel + "/24"), null, 0x525400010000L | ip(tunnel) & 0xff);
        return new Node(name, Set.of(role), mgmt, tun, mappings, l3Mode, Pins.NONE);
    }

    static long mac(String text) {
        return MacAddress.parseBits(text);
    }

    static int ip(String text) {
        return Ipv4.parse(text);
    }
}
