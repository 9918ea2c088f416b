package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.AgentOptions;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.L3AgentMode;
import dev.packetwalk.cloud.model.Neutron;
import dev.packetwalk.cloud.model.NeutronL3;
import dev.packetwalk.cloud.model.NetworkType;
import dev.packetwalk.cloud.model.Nic;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Nova;
import dev.packetwalk.cloud.model.Pins;
import dev.packetwalk.cloud.model.Role;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.host.Shell;
import dev.packetwalk.net.Ipv4;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

class RenderSmokeTest {
    private static String run(Shell shell, String script) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        shell.runScript(script, out, err);
        return out + err.toString();
    }

    @Test
    void rendersTheLabs() {
        for (String lab : java.util.List.of("legacy.yaml", "dvr.yaml")) {
            Cloud cloud = dev.packetwalk.cloud.scenario.Scenario.fromResource(lab);
            Deployment d = Deployment.render(cloud);
            for (var e : d.hosts().entrySet()) {
                System.out.println("===== " + lab + " " + e.getKey());
                System.out.println(run(new Shell(e.getValue()), "ip netns; ovs-vsctl show; brctl show"));
            }
        }
    }

    @Test
    void rendersALegacyCloud() {
        Cloud cloud = new Cloud(ReleaseProfile.OCATA, AgentOptions.DEFAULTS, 7, "p1", "2017-05-30T01:14:03Z");
        Neutron neutron = new Neutron(cloud);
        NeutronL3 l3 = new NeutronL3(neutron);
        Nova nova = new Nova(neutron);
        neutron.addNode(new Node("network", Set.of(Role.NETWORK, Role.CONTROLLER),
                new Nic("eth0", Cidr.parse("10.0.0.12/24"), null, 0), new Nic("eth1", Cidr.parse("192.168.1.12/24"), null, 0),
                Map.of("external", "br-ex"), L3AgentMode.LEGACY, Pins.NONE));
        neutron.addNode(new Node("compute01", Set.of(Role.COMPUTE),
                new Nic("eth0", Cidr.parse("10.0.0.13/24"), null, 0), new Nic("eth1", Cidr.parse("192.168.1.13/24"), null, 0),
                Map.of(), null, Pins.NONE));
        var ext = neutron.createNetwork(new Neutron.NetworkSpec(null, "public", null, NetworkType.FLAT, "external", null,
                null, false, true, null));
        var extSub = neutron.createSubnet(new Neutron.SubnetSpec(null, "public-subnet", ext.id(), Cidr.parse("172.24.4.0/24"),
                null, false, List.of(), false, List.of(), List.of(), null, null));
        var net1 = neutron.createNetwork(new Neutron.NetworkSpec(null, "net1", null, NetworkType.VXLAN, null, 90, null,
                true, false, null));
        var sub1 = neutron.createSubnet(new Neutron.SubnetSpec(null, "sub1", net1.id(), Cidr.parse("172.19.1.0/24"),
                null, false, List.of(), true, List.of(), List.of(), null, null));
        var r1 = l3.createRouter(new NeutronL3.RouterSpec(null, "r1", null, false, null, null));
        l3.setGateway(r1.id(), ext.id(), true, null);
        l3.addInterface(r1.id(), sub1.id(), null, null);
        var vm = nova.createServer(new Nova.ServerSpec(null, "c-private", null, "compute01", null,
                List.of(new Nova.NicSpec(net1.id(), Ipv4.parse("172.19.1.3"), null, null, null, true, List.of())),
                null, null, null));
        l3.createFloatingIp(new NeutronL3.FloatingIpSpec(null, ext.id(), Ipv4.parse("172.24.4.3"), vm.portIds().get(0),
                null, null, null, null));
        Deployment d = Deployment.render(cloud);
        Shell net = new Shell(d.host("network").orElseThrow());
        System.out.println(run(net, "ip netns; ovs-vsctl show"));
        String qr = "qrouter-" + r1.id();
        System.out.println(run(net, "ip netns exec " + qr + " ip a; ip netns exec " + qr + " ip r"));
        Shell c = new Shell(d.host("compute01").orElseThrow());
        System.out.println(run(c, "brctl show; ip a; ovs-vsctl show"));
    }
}
