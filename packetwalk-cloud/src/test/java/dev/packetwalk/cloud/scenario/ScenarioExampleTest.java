package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.DeviceOwner;
import dev.packetwalk.cloud.model.FloatingIp;
import dev.packetwalk.cloud.model.Network;
import dev.packetwalk.cloud.model.NetworkType;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Router;
import dev.packetwalk.cloud.model.SecurityGroup;
import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.net.Ipv4;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** scenarios/example.yaml, the documentation users get, loads and builds the cloud it describes. */
class ScenarioExampleTest {
    private static Cloud cloud;

    @BeforeAll
    static void load() {
        cloud = Scenario.load(Path.of(System.getProperty("packetwalk.root", ".."), "scenarios", "example.yaml"));
    }

    @Test
    void settings() {
        assertThat(cloud.profile().name()).isEqualTo("ocata");
        assertThat(cloud.projectId()).isEqualTo("0283565b977d4bdaaa57fa8bdf2e0159");
        assertThat(cloud.options().l2population()).isTrue();
        assertThat(cloud.options().arpResponder()).isTrue();
        assertThat(cloud.stamp(null).createdAt()).isEqualTo("2017-05-30T01:14:03Z");
    }

    @Test
    void threeNodesWithTheirAgents() {
        assertThat(cloud.nodes()).extracting(n -> n.name()).containsExactly("controller", "compute1", "compute2");
        assertThat(cloud.node("controller").tunnel().address()).hasToString("192.168.1.11/24");
        assertThat(cloud.node("compute1").bridgeMappings()).containsEntry("external", "br-ex");
        assertThat(cloud.dvrMacs()).containsOnlyKeys("controller", "compute1", "compute2");
    }

    @Test
    void networksAndSubnets() {
        Network pub = network("public");
        Network priv = network("private");
        assertThat(pub.type()).isEqualTo(NetworkType.FLAT);
        assertThat(pub.external()).isTrue();
        assertThat(priv.segmentationId()).isEqualTo(100);
        assertThat(priv.mtu()).isEqualTo(1450);
        Subnet pubSub = cloud.subnetsOf(pub.id()).get(0);
        assertThat(pubSub.pools()).hasToString("[200.0.0.2-200.0.0.100]");
        assertThat(pubSub.dhcp()).isFalse();
        Subnet privSub = cloud.subnetsOf(priv.id()).get(0);
        assertThat(privSub.dnsServers()).containsExactly("8.8.8.8");
        assertThat(privSub.hostRoutes()).hasSize(1);
        assertThat(ports(DeviceOwner.DHCP)).singleElement().satisfies(p -> {
            assertThat(p.bindingHost()).isEqualTo("controller");
            assertThat(Ipv4.format(p.ip())).isEqualTo("10.0.0.2");
        });
    }

    @Test
    void theServersWithTheirAddressesAndGroups() {
        Server vm1 = server("vm1");
        Port port = cloud.port(vm1.portIds().get(0));
        assertThat(vm1.host()).isEqualTo("compute1");
        assertThat(Ipv4.format(port.ip())).isEqualTo("10.0.0.5");
        assertThat(port.securityGroupIds()).containsExactly(group("default").id(), group("web").id());
        assertThat(server("vm2").host()).isEqualTo("compute2");
    }

    @Test
    void webAllowsHttpFromTheDefaultGroup() {
        assertThat(group("web").rules()).hasSize(4);
        assertThat(group("web").rules().get(3).remoteGroupId()).isEqualTo(group("default").id());
        assertThat(group("default").rules()).hasSize(4);
    }

    @Test
    void theDistributedRouterHasItsGatewayAndSnatPort() {
        Router router = cloud.routers().iterator().next();
        assertThat(router.distributed()).isTrue();
        assertThat(router.snatHost()).isEqualTo("controller");
        assertThat(Ipv4.format(cloud.port(router.gateway().portId()).ip())).isEqualTo("200.0.0.3");
        assertThat(ports(DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED)).singleElement()
                .satisfies(p -> assertThat(Ipv4.format(p.ip())).isEqualTo("10.0.0.1"));
        assertThat(ports(DeviceOwner.ROUTER_CENTRALIZED_SNAT)).singleElement()
                .satisfies(p -> assertThat(p.bindingHost()).isEqualTo("controller"));
    }

    @Test
    void theFloatingIpIsAssociatedWithVm1() {
        FloatingIp fip = cloud.floatingIps().iterator().next();
        assertThat(Ipv4.format(fip.floatingIp())).isEqualTo("200.0.0.7");
        assertThat(fip.portId()).isEqualTo(server("vm1").portIds().get(0));
        assertThat(Ipv4.format(fip.fixedIp())).isEqualTo("10.0.0.5");
        assertThat(fip.routerId()).isEqualTo(cloud.routers().iterator().next().id());
        assertThat(ports(DeviceOwner.FLOATINGIP_AGENT_GATEWAY)).singleElement()
                .satisfies(p -> assertThat(p.bindingHost()).isEqualTo("compute1"));
    }

    private static Network network(String name) {
        return cloud.networks().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static Server server(String name) {
        return cloud.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static SecurityGroup group(String name) {
        return cloud.securityGroups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Port> ports(DeviceOwner owner) {
        return cloud.ports().stream().filter(p -> p.owner() == owner).toList();
    }
}
