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
import dev.packetwalk.cloud.model.PortPin;
import dev.packetwalk.cloud.model.Role;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 004's cloud (the {@code legacy} lab, lab/legacy.yaml) built through the model's API with
 * the lab's pins, until the YAML loader lands: a legacy router r1 on network-node SNATs
 * c-private (172.19.1.3 on compute01, VNI 90) and holds its floating IP 172.24.4.3.
 */
final class LegacyLab {
    static final String PUBLIC = "d478a8b8-96fa-4996-a472-938215b0d1e2";
    static final String PRIVATE = "ab481d2f-05ac-4dea-a37d-0e0c8ab38444";
    static final String NET1 = "1763ddbb-7689-4266-919d-e250e7577749";
    static final String NET2 = "c218c762-e820-464b-b5b9-cfeb9eb51f89";
    private static final String DEMO = "d67ee95c357642549d48c2ea36250947";

    private LegacyLab() {
    }

    static Cloud build(ReleaseProfile profile) {
        Cloud cloud = new Cloud(profile, new AgentOptions(false, false, true, true, true), 4,
                "0283565b977d4bdaaa57fa8bdf2e0159", "2017-05-30T01:14:03Z");
        Neutron neutron = new Neutron(cloud);
        NeutronL3 l3 = new NeutronL3(neutron);
        Nova nova = new Nova(neutron);
        Nic controllerNic = new Nic("eth0", Cidr.parse("192.168.1.11/24"), null, 0);
        neutron.addNode(new Node("controller", Set.of(Role.CONTROLLER), controllerNic, null, Map.of(), null, Pins.NONE));
        Nic networkNic = new Nic("eth0", Cidr.parse("192.168.1.12/24"), null, 0);
        neutron.addNode(new Node("network-node", Set.of(Role.NETWORK), networkNic, networkNic, Map.of("external", "br-ex"),
                L3AgentMode.LEGACY, networkNodePins()));
        Nic computeNic = new Nic("eth0", Cidr.parse("192.168.1.13/24"), null, 0);
        neutron.addNode(new Node("compute01", Set.of(Role.COMPUTE), computeNic, computeNic, Map.of(), null, computePins()));

        Network pub = network(neutron, PUBLIC, "public", null, NetworkType.FLAT, "external", null, null, false, true);
        Subnet pubSub = neutron.createSubnet(new Neutron.SubnetSpec("b193dc42-77ac-44cb-8622-f15331cf6319",
                "public-subnet", pub.id(), Cidr.parse("172.24.4.0/24"), Ipv4.parse("172.24.4.1"), false, List.of(), false,
                List.of(), List.of(), null, null));
        Network priv = network(neutron, PRIVATE, "private", DEMO, NetworkType.VXLAN, null, 91, null, false, false);
        Subnet privSub = subnet(neutron, null, "private-subnet", priv, "10.0.0.0/24",
                new PortPin("2b56c518-fb3e-4a52-9d21-6c0e3f7a1b44", null, null));
        Network net1 = network(neutron, NET1, "net1", null, NetworkType.VXLAN, null, 90, 1450, true, false);
        Subnet net1Sub = subnet(neutron, "0685edba-9a91-4bc8-badc-5427e716693a", "net1-subnet", net1, "172.19.1.0/24",
                new PortPin("3775bfe7-6ed2-4a95-883e-701a6d04e6a2", mac("fa:16:3e:65:8c:df"), Ipv4.parse("172.19.1.2")));
        Network net2 = network(neutron, NET2, "net2", null, NetworkType.VXLAN, null, 92, null, false, false);
        Subnet net2Sub = subnet(neutron, null, "net2-subnet", net2, "172.19.2.0/24",
                new PortPin("80ac2f6b-872d-4c1e-a6b5-3f9e8d7c2a10", null, null));

        var router1 = l3.createRouter(new NeutronL3.RouterSpec("58731090-1c82-4aa5-b319-1598c7e6ae06", "router1", DEMO,
                false, "network-node", null));
        l3.setGateway(router1.id(), pubSub.networkId(), true,
                new PortPin("421b407a-8142-4f3a-b6a7-0c5d2e9f8a31", null, Ipv4.parse("172.24.4.9")));
        l3.addInterface(router1.id(), privSub.id(), new PortPin("f80a6a75-e6d1-4b2c-8a9f-5e4d3c2b1a09", null, null), null);
        var r1 = l3.createRouter(new NeutronL3.RouterSpec("bfc87e1e-6b93-446f-a305-6dc6153c1198", "r1", null, false,
                "network-node", null));
        l3.setGateway(r1.id(), pub.id(), true, new PortPin("a1b3323f-35c5-44b8-9e6d-be1b06fc6892",
                mac("fa:16:3e:94:5d:70"), Ipv4.parse("172.24.4.12")));
        l3.addInterface(r1.id(), net1Sub.id(), new PortPin("2c628d36-765c-420b-b008-b6311a0ed17a",
                mac("fa:16:3e:ca:72:d8"), null), null);
        var r2 = l3.createRouter(new NeutronL3.RouterSpec("0b0cb65f-3739-4ca8-a68b-271545681aa7", "r2", null, false,
                "network-node", null));
        l3.setGateway(r2.id(), pub.id(), false,
                new PortPin("ede3b53d-da41-4e7b-9c58-2a6f1b0e3d97", null, Ipv4.parse("172.24.4.2")));
        l3.addInterface(r2.id(), net2Sub.id(), new PortPin("b9a4d300-68c7-4f15-b2e0-7d1a9c3e5f82", null, null), null);

        nova.createServer(new Nova.ServerSpec(null, "c-net2", null, "compute01", "instance-00000002",
                List.of(new Nova.NicSpec(net2.id(), null, null, "1d939c00-e4a7-4b83-9f12-6c5e8d0a2b47", null, true,
                        List.of())), null, null, null));
        var vm = nova.createServer(new Nova.ServerSpec(null, "c-private", null, "compute01", "instance-00000003",
                List.of(new Nova.NicSpec(net1.id(), Ipv4.parse("172.19.1.3"), mac("fa:16:3e:3b:53:26"),
                        "f7eae624-3488-4ccb-962a-d94f9b86aeb7", null, true, List.of())), null, null, null));
        l3.createFloatingIp(new NeutronL3.FloatingIpSpec(null, pub.id(), Ipv4.parse("172.24.4.3"), vm.portIds().get(0),
                null, null, null, null));
        return cloud;
    }

    private static Network network(Neutron neutron, String id, String name, String project, NetworkType type,
            String physnet, Integer segment, Integer mtu, boolean shared, boolean external) {
        return neutron.createNetwork(new Neutron.NetworkSpec(id, name, project, type, physnet, segment, mtu, shared,
                external, null));
    }

    private static Subnet subnet(Neutron neutron, String id, String name, Network net, String cidr, PortPin dhcpPort) {
        return neutron.createSubnet(new Neutron.SubnetSpec(id, name, net.id(), Cidr.parse(cidr), null, false, List.of(),
                true, List.of(), List.of(), dhcpPort, null));
    }

    private static Pins networkNodePins() {
        Map<String, Integer> ofports = new LinkedHashMap<>();
        ofports.put("int-br-ex", 1);
        ofports.put("tap80ac2f6b-87", 2);
        ofports.put("patch-tun", 3);
        ofports.put("tap2b56c518-fb", 4);
        ofports.put("tap3775bfe7-6e", 5);
        ofports.put("qr-b9a4d300-68", 6);
        ofports.put("qr-f80a6a75-e6", 7);
        ofports.put("qr-2c628d36-76", 8);
        ofports.put("qg-421b407a-81", 9);
        ofports.put("qg-ede3b53d-da", 10);
        ofports.put("qg-a1b3323f-35", 11);
        ofports.put("patch-int", 1);
        ofports.put("vxlan-c0a8010d", 2);
        ofports.put("phy-br-ex", 1);
        return new Pins("7b14d048-c73e-4c8a-af43-cf568cf79d6d",
                Map.of("br-int", 0x86954af3f33dce38L, "br-tun", 0xb5b1b0a3b000ddbeL, "br-ex", 0x97910c7dc69d33fbL),
                ofports, Map.of(PRIVATE, 1, NET2, 2, NET1, 3, PUBLIC, 4), Map.of(), Map.of());
    }

    private static Pins computePins() {
        return new Pins("9b36fd19-21cb-4d25-b590-1f822c18d373",
                Map.of("br-int", 0xb950e065fe76cc7bL, "br-tun", 0x876248e21ebb5890L),
                Map.of("patch-tun", 1, "qvof7eae624-34", 2, "qvo1d939c00-e4", 3, "patch-int", 1, "vxlan-c0a8010c", 2),
                Map.of(NET2, 1, NET1, 2),
                Map.of("qvof7eae624-34", mac("d6:bb:95:ae:c9:a3"), "qvo1d939c00-e4", mac("f6:7a:d2:4b:a0:ea"),
                        "qvbf7eae624-34", mac("c6:fb:e0:9b:d3:ee"), "qvb1d939c00-e4", mac("76:2d:f0:8b:d2:1e")),
                Map.of());
    }

    private static long mac(String text) {
        return MacAddress.parseBits(text);
    }
}
