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
import dev.packetwalk.cloud.model.Role;
import dev.packetwalk.cloud.model.Router;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code neutron} beyond the seed's outputs: the other lists, machine formats, filters and errors. */
class ApiNeutronTest {
    private final ApiRun controller = new ApiRun(SeedCloud.build(), "controller");

    @Test
    void l3AgentsHostingALegacyRouter() {
        List<String> lines = lines(controller.run("neutron l3-agent-list-hosting-router r1").out());
        assertThat(OscOracle.cells(lines.get(1))).containsExactly("id", "host", "admin_state_up", "alive", "ha_state");
        assertThat(OscOracle.cells(lines.get(3))).containsSubsequence("network-node", "True", ":-)", "");
        assertThat(lines).hasSize(5);
    }

    /** Seed 000: "our one router is actually on all 3 of our nodes, revealing its distributed nature". */
    @Test
    void l3AgentsHostingADistributedRouter() {
        ApiRun dvr = new ApiRun(dvrCloud(), "controller");
        List<String> lines = lines(dvr.run("neutron l3-agent-list-hosting-router VR").out());
        assertThat(lines.subList(3, lines.size() - 1).stream().map(l -> OscOracle.cells(l).get(1)))
                .containsExactly("controller", "compute1", "compute2");
        assertThat(dvr.run("nova interface-list RED1").out()).contains("| ACTIVE     |").contains("10.0.0.4");
    }

    @Test
    void agentList() {
        List<String> lines = lines(controller.run("neutron agent-list").out());
        assertThat(OscOracle.cells(lines.get(1))).containsExactly("id", "agent_type", "host", "availability_zone", "alive",
                "admin_state_up", "binary");
        assertThat(lines.stream().filter(l -> l.contains("L3 agent"))).singleElement().satisfies(l ->
                assertThat(OscOracle.cells(l)).containsSubsequence("L3 agent", "network-node", "nova", ":-)", "True",
                        "neutron-l3-agent"));
        // the controller of seed 004 runs the API only: the OVS agents are the network node's and compute01's
        assertThat(lines.stream().filter(l -> l.contains("Open vSwitch agent"))).hasSize(2)
                .allSatisfy(l -> assertThat(OscOracle.cells(l).get(3)).isEmpty());
    }

    @Test
    void netListShowsSubnetsWithTheirCidr() {
        assertThat(controller.run("neutron net-list").out()).contains(
                "| 1763ddbb-7689-4266-919d-e250e7577749 | net1   | 0283565b977d4bdaaa57fa8bdf2e0159 | "
                        + "0685edba-9a91-4bc8-badc-5427e716693a 172.19.1.0/24 |");
    }

    @Test
    void securityGroupsSummarised() {
        String groups = controller.run("neutron security-group-list").out();
        assertThat(groups).contains("| egress, IPv4 ").contains("| egress, IPv6 ").contains("| ingress, IPv4, remote_group_id: ");
        String rules = controller.run("neutron security-group-rule-list").out();
        assertThat(OscOracle.cells(lines(rules).get(1))).containsExactly("id", "tenant_id", "security_group", "direction",
                "ethertype", "port/protocol", "remote");
        assertThat(rules).contains("| default        | ingress   | IPv4      | any           | default (group) |")
                .contains("| default        | egress    | IPv6      | any           | any             |");
    }

    @Test
    void showPrintsSortedFieldsListsOneALine() {
        String port = controller.run("neutron port-show " + SeedCloud.VM_PORT).out();
        assertThat(port).contains("| binding:host_id       | compute01 ")
                .contains("| binding:vif_details   | {\"port_filter\": true, \"ovs_hybrid_plug\": true} ")
                .contains("| fixed_ips             | {\"subnet_id\": \"" + SeedCloud.SUBNET1 + "\", \"ip_address\": \"172.19.1.3\"} ");
        assertThat(controller.run("neutron router-show r1 -F name -F ha").out()).isEqualTo("""
                +-------+-------+
                | Field | Value |
                +-------+-------+
                | ha    | False |
                | name  | r1    |
                +-------+-------+
                """);
    }

    @Test
    void machineFormatsPrintPython2Values() {
        assertThat(controller.run("neutron net-show net1 -f value -c availability_zones -c mtu").out())
                .isEqualTo("[u'nova']\n1450\n");
        assertThat(controller.run("neutron router-show r1 -f json -F ha -F name").out())
                .isEqualTo("{\n  \"ha\": false, \n  \"name\": \"r1\"\n}");
        assertThat(controller.run("neutron net-list -c id -c name -f csv").out()).isEqualTo("\"id\",\"name\"\n"
                + "\"1763ddbb-7689-4266-919d-e250e7577749\",\"net1\"\n\"d478a8b8-96fa-4996-a472-938215b0d1e2\",\"public\"\n");
    }

    @Test
    void unknownOptionsFilterTheList() {
        String dhcp = controller.run("neutron port-list --device_owner network:dhcp -c id -f value").out();
        assertThat(dhcp).isEqualTo("3775bfe7-6ed2-4a95-883e-701a6d04e6a2\n");
        String byIp = controller.run("neutron port-list --fixed-ips ip_address=172.19.1.3 -c id -f value").out();
        assertThat(byIp).isEqualTo(SeedCloud.VM_PORT + "\n");
        assertThat(controller.run("neutron port-list --name nothing").out()).isEqualTo("\n");
    }

    @Test
    void errorsAsNeutronclientPrintsThem() {
        ApiRun.Result missing = controller.run("neutron net-show nope");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("Unable to find network with name or id 'nope'\n");
        assertThat(controller.run("neutron router-port-list nope").err()).isEqualTo("Unable to find router with name or id 'nope'\n");
        ApiRun.Result many = controller.run("neutron security-group-show default");
        assertThat(many.status()).isZero();
        ApiRun.Result unknown = controller.run("neutron net-frob x");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("Unknown command ['net-frob', 'x']\n");
        ApiRun.Result usage = controller.run("neutron net-show");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).isEqualTo("""
                usage: neutron net-show [-h] [-f {json,shell,table,value,yaml}] [-c COLUMN]
                                        [--max-width <integer>] [--print-empty]
                                        [--prefix PREFIX] [--noindent]
                                        [--request-format {json}] [-D] [-F FIELD]
                                        NETWORK
                neutron net-show: error: too few arguments
                Try 'neutron help net-show' for more information.
                """);
        assertThat(controller.run("neutron net-list -c bogus").err()).isEqualTo("No recognized column names in ['bogus']\n");
        assertThat(controller.run("neutron port-list stray").err()).isEqualTo("Invalid values_specs stray\n");
    }

    /** Seed 000's lab: a distributed router VR on the controller (dvr_snat) and two dvr compute nodes. */
    static Cloud dvrCloud() {
        Cloud cloud = new Cloud(ReleaseProfile.OCATA, AgentOptions.DEFAULTS, 0L, SeedCloud.DEMO, "2016-12-01T10:00:00Z");
        Neutron neutron = new Neutron(cloud);
        NeutronL3 l3 = new NeutronL3(neutron);
        Nova nova = new Nova(neutron);
        neutron.addNode(node("controller", Set.of(Role.CONTROLLER, Role.NETWORK), 11, L3AgentMode.DVR_SNAT));
        neutron.addNode(node("compute1", Set.of(Role.COMPUTE), 21, L3AgentMode.DVR));
        neutron.addNode(node("compute2", Set.of(Role.COMPUTE), 22, L3AgentMode.DVR));
        Network red = neutron.createNetwork(new Neutron.NetworkSpec(null, "red", null, NetworkType.VXLAN, null, 100, null,
                false, false, null));
        Subnet redSub = neutron.createSubnet(new Neutron.SubnetSpec(null, "red-subnet", red.id(), Cidr.parse("10.0.0.0/24"),
                null, false, List.of(), true, List.of(), List.of(), null, null));
        Network green = neutron.createNetwork(new Neutron.NetworkSpec(null, "green", null, NetworkType.VXLAN, null, 101,
                null, false, false, null));
        Subnet greenSub = neutron.createSubnet(new Neutron.SubnetSpec(null, "green-subnet", green.id(),
                Cidr.parse("10.2.2.0/24"), null, false, List.of(), true, List.of(), List.of(), null, null));
        Router vr = l3.createRouter(new NeutronL3.RouterSpec(null, "VR", null, true, null, null));
        l3.addInterface(vr.id(), redSub.id(), null, null);
        l3.addInterface(vr.id(), greenSub.id(), null, null);
        nova.createServer(new Nova.ServerSpec(null, "RED1", null, "compute1", null,
                List.of(new Nova.NicSpec(red.id(), SeedCloud.ip("10.0.0.4"), null, null, null, true, List.of())), null, null,
                null));
        nova.createServer(new Nova.ServerSpec(null, "GREEN2", null, "compute2", null,
                List.of(new Nova.NicSpec(green.id(), null, null, null, null, true, List.of())), null, null, null));
        return cloud;
    }

    private static Node node(String name, Set<Role> roles, int host, L3AgentMode mode) {
        Nic nic = new Nic("eth0", Cidr.parse("192.168.1." + host + "/24"), null, 0x525400000000L | host);
        return new Node(name, roles, nic, nic, Map.of(), mode, Pins.NONE);
    }

    private static List<String> lines(String out) {
        return Arrays.asList(out.split("\n"));
    }
}
