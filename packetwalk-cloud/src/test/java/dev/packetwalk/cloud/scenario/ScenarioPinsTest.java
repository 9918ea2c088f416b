package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.DeviceOwner;
import dev.packetwalk.cloud.model.FloatingIp;
import dev.packetwalk.cloud.model.Network;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Router;
import dev.packetwalk.cloud.model.SecurityGroup;
import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pin a lab needs lands in the model as written. */
class ScenarioPinsTest {
    private static final String LAB = """
            seed: 7
            profile: pike
            project: 9f7c4e1b2a3d4c5e8f9a0b1c2d3e4f50
            timestamp: 2017-05-30T01:14:03Z
            nodes:
              - name: ctl
                roles: [controller, network]
                l3_agent_mode: dvr_snat
                management: {nic: eth0, ip: 10.10.0.10/24, gateway: 10.10.0.1, mac: 52:54:00:12:34:56}
                tunnel: {nic: eth1, ip: 192.168.1.11/24}
                bridge_mappings: {external: br-ex}
                pins:
                  ovs_uuid: 6f2a0c4e-3b7d-4f1a-9c8e-2d5b7a9e1f03
                  cookies: {br-int: 0xb950e065fe76cc7b, br-tun: "0x8ae5d1b3e2f0a011", br-ex: 12}
                  ofports: {patch-tun: 3, int-br-ex: 1}
                  local_vlans: {private: 3, public: 4}
                  macs: {dvr: fa:16:3f:0a:0b:0c, qg-7a1e2b3c-4d: fa:16:3e:01:02:03}
                  zones: {0b4d6a39-6c1f-4e0a-8a50-0d0b2e9e8f11: 1}
              - name: cmp
                roles: [compute]
                l3_agent_mode: dvr
                tunnel: {nic: eth1, ip: 192.168.1.12/24}
                bridge_mappings: {external: br-ex}
            networks:
              - name: public
                id: 11111111-1111-4111-8111-111111111111
                type: flat
                physical_network: external
                external: true
                created_at: 2017-05-29T10:00:00Z
                revision_number: 4
                subnets:
                  - name: public-subnet
                    id: 22222222-2222-4222-8222-222222222222
                    cidr: 200.0.0.0/24
                    allocation_pools: [{start: 200.0.0.2, end: 200.0.0.100}]
                    dhcp: false
              - name: private
                id: 33333333-3333-4333-8333-333333333333
                subnets:
                  - name: private-subnet
                    cidr: 10.0.0.0/24
                    dhcp_port: {id: 44444444-4444-4444-8444-444444444444, mac: fa:16:3e:00:00:02, ip: 10.0.0.9}
              - name: isolated
                subnets: [{name: isolated-subnet, cidr: 10.9.0.0/24, gateway: none, dhcp: false}]
            security_groups:
              - name: web
                id: 55555555-5555-4555-8555-555555555555
                rules:
                  - {id: 66666666-6666-4666-8666-666666666666, direction: ingress, protocol: tcp,
                     port_range_min: 22, port_range_max: 22, remote_group: default}
              - name: default
                id: 77777777-7777-4777-8777-777777777777
            routers:
              - name: router1
                id: 88888888-8888-4888-8888-888888888888
                distributed: true
                host: ctl
                gateway: {network: public, ip: 200.0.0.3, port_id: 99999999-9999-4999-8999-999999999999,
                          mac: fa:16:3e:00:00:03}
                interfaces:
                  - subnet: private-subnet
                    port_id: aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa
                    mac: fa:16:3e:00:00:01
                    snat_port: {id: bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb, mac: fa:16:3e:00:00:04, ip: 10.0.0.4}
            servers:
              - name: vm1
                id: cccccccc-cccc-4ccc-8ccc-cccccccccccc
                host: cmp
                instance_name: instance-0000000a
                flavor: m1.small
                image: ubuntu
                created_at: 2017-05-30T02:00:00Z
                nics:
                  - network: private
                    ip: 10.0.0.5
                    mac: fa:16:3e:3b:53:26
                    port_id: 0b4d6a39-6c1f-4e0a-8a50-0d0b2e9e8f11
                    security_groups: [web, default]
                    allowed_address_pairs: [{ip_address: 10.0.0.100}, {ip_address: 10.0.1.0/24, mac_address: fa:16:3e:aa:aa:aa}]
              - name: vm2
                host: cmp
                nics: [{network: private, ip: 10.0.0.6, port_id: dddddddd-dddd-4ddd-8ddd-dddddddddddd, port_security: false}]
            floating_ips:
              - id: eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee
                ip: 200.0.0.7
                network: public
                server: vm1
                port_id: ffffffff-ffff-4fff-8fff-ffffffffffff
                agent_gateway: {id: 12121212-1212-4121-8121-121212121212, mac: fa:16:3e:00:00:05, ip: 200.0.0.9}
              - {network: public, port: dddddddd-dddd-4ddd-8ddd-dddddddddddd, fixed_ip: 10.0.0.6}
            """;

    private static Cloud cloud;

    @BeforeAll
    static void load() {
        cloud = Scenario.parse(LAB, "lab.yaml");
    }

    @Test
    void settings() {
        assertThat(cloud.profile().name()).isEqualTo("pike");
        assertThat(cloud.projectId()).isEqualTo("9f7c4e1b2a3d4c5e8f9a0b1c2d3e4f50");
    }

    @Test
    void nodePins() {
        Node ctl = cloud.node("ctl");
        assertThat(ctl.management().mac()).isEqualTo(0x525400123456L);
        assertThat(Ipv4.format(ctl.management().gateway())).isEqualTo("10.10.0.1");
        assertThat(ctl.pins().ovsUuid()).isEqualTo("6f2a0c4e-3b7d-4f1a-9c8e-2d5b7a9e1f03");
        assertThat(ctl.pins().cookies()).containsEntry("br-int", 0xb950e065fe76cc7bL)
                .containsEntry("br-tun", 0x8ae5d1b3e2f0a011L).containsEntry("br-ex", 12L);
        assertThat(ctl.pins().ofports()).containsEntry("patch-tun", 3).containsEntry("int-br-ex", 1);
        assertThat(ctl.pins().localVlans()).containsEntry(network("private").id(), 3)
                .containsEntry("11111111-1111-4111-8111-111111111111", 4);
        assertThat(ctl.pins().macs()).containsEntry("qg-7a1e2b3c-4d", 0xfa163e010203L);
        assertThat(ctl.pins().zones()).containsEntry("0b4d6a39-6c1f-4e0a-8a50-0d0b2e9e8f11", 1);
        assertThat(cloud.dvrMacs()).containsEntry("ctl", 0xfa163f0a0b0cL);
        assertThat(cloud.node("cmp").pins().localVlans()).isEmpty();
    }

    @Test
    void unpinnedNicMacsComeFromTheNames() {
        long mac = cloud.node("cmp").tunnel().mac();
        assertThat(MacAddress.format(mac)).startsWith("52:54:00:");
        assertThat(mac).isNotEqualTo(cloud.node("ctl").tunnel().mac());
    }

    @Test
    void networkAndSubnetPins() {
        Network pub = network("public");
        assertThat(pub.id()).isEqualTo("11111111-1111-4111-8111-111111111111");
        assertThat(pub.stamp().createdAt()).isEqualTo("2017-05-29T10:00:00Z");
        assertThat(pub.stamp().updatedAt()).isEqualTo("2017-05-29T10:00:00Z");
        assertThat(pub.stamp().revision()).isEqualTo(4);
        assertThat(cloud.subnet("22222222-2222-4222-8222-222222222222").name()).isEqualTo("public-subnet");
        Port dhcp = cloud.port("44444444-4444-4444-8444-444444444444");
        assertThat(dhcp.owner()).isEqualTo(DeviceOwner.DHCP);
        assertThat(dhcp.mac()).isEqualTo(0xfa163e000002L);
        assertThat(Ipv4.format(dhcp.ip())).isEqualTo("10.0.0.9");
    }

    @Test
    void vxlanNetworksTakeTheLowestFreeVni() {
        assertThat(network("private").segmentationId()).isEqualTo(1);
        assertThat(network("isolated").segmentationId()).isEqualTo(2);
    }

    @Test
    void aSubnetWithoutGateway() {
        Subnet isolated = cloud.subnetsOf(network("isolated").id()).get(0);
        assertThat(isolated.gateway()).isNull();
        assertThat(isolated.pools()).hasToString("[10.9.0.1-10.9.0.254]");
    }

    @Test
    void theDeclaredDefaultGroupKeepsItsIdAndFourRules() {
        SecurityGroup def = cloud.securityGroup("77777777-7777-4777-8777-777777777777");
        assertThat(def.name()).isEqualTo("default");
        assertThat(def.description()).isEqualTo("Default security group");
        assertThat(def.rules()).hasSize(4);
        assertThat(cloud.securityGroups().stream().filter(g -> g.name().equals("default"))).hasSize(1);
        SecurityGroup web = cloud.securityGroup("55555555-5555-4555-8555-555555555555");
        assertThat(web.rules()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("66666666-6666-4666-8666-666666666666");
            assertThat(r.remoteGroupId()).isEqualTo(def.id());
        });
    }

    @Test
    void routerPins() {
        Router r = cloud.router("88888888-8888-4888-8888-888888888888");
        assertThat(r.snatHost()).isEqualTo("ctl");
        Port gw = cloud.port("99999999-9999-4999-8999-999999999999");
        assertThat(gw.owner()).isEqualTo(DeviceOwner.ROUTER_GATEWAY);
        assertThat(gw.mac()).isEqualTo(0xfa163e000003L);
        Port itf = cloud.port("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
        assertThat(itf.owner()).isEqualTo(DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED);
        assertThat(Ipv4.format(itf.ip())).isEqualTo("10.0.0.1");
        Port snat = cloud.port("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");
        assertThat(snat.owner()).isEqualTo(DeviceOwner.ROUTER_CENTRALIZED_SNAT);
        assertThat(snat.mac()).isEqualTo(0xfa163e000004L);
        assertThat(Ipv4.format(snat.ip())).isEqualTo("10.0.0.4");
    }

    @Test
    void serverPins() {
        Server vm1 = cloud.server("cccccccc-cccc-4ccc-8ccc-cccccccccccc");
        assertThat(vm1.instanceName()).isEqualTo("instance-0000000a");
        assertThat(vm1.flavor()).isEqualTo("m1.small");
        assertThat(vm1.image()).isEqualTo("ubuntu");
        assertThat(vm1.stamp().createdAt()).isEqualTo("2017-05-30T02:00:00Z");
        Port port = cloud.port("0b4d6a39-6c1f-4e0a-8a50-0d0b2e9e8f11");
        assertThat(port.mac()).isEqualTo(0xfa163e3b5326L);
        assertThat(port.securityGroupIds()).containsExactly("55555555-5555-4555-8555-555555555555",
                "77777777-7777-4777-8777-777777777777");
        assertThat(port.allowedAddressPairs()).hasSize(2);
        assertThat(port.allowedAddressPairs().get(0).ip()).hasToString("10.0.0.100/32");
        assertThat(port.allowedAddressPairs().get(0).mac()).isEqualTo(0xfa163e3b5326L);
        assertThat(port.allowedAddressPairs().get(1).mac()).isEqualTo(0xfa163eaaaaaaL);
    }

    @Test
    void withoutPortSecurityAPortHasNoGroups() {
        Port port = cloud.port("dddddddd-dddd-4ddd-8ddd-dddddddddddd");
        assertThat(port.portSecurity()).isFalse();
        assertThat(port.securityGroupIds()).isEmpty();
    }

    @Test
    void floatingIpPins() {
        List<FloatingIp> fips = List.copyOf(cloud.floatingIps());
        FloatingIp first = fips.get(0);
        assertThat(first.id()).isEqualTo("eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee");
        assertThat(first.floatingPortId()).isEqualTo("ffffffff-ffff-4fff-8fff-ffffffffffff");
        assertThat(first.portId()).isEqualTo("0b4d6a39-6c1f-4e0a-8a50-0d0b2e9e8f11");
        Port fg = cloud.port("12121212-1212-4121-8121-121212121212");
        assertThat(fg.owner()).isEqualTo(DeviceOwner.FLOATINGIP_AGENT_GATEWAY);
        assertThat(fg.bindingHost()).isEqualTo("cmp");
        assertThat(Ipv4.format(fg.ip())).isEqualTo("200.0.0.9");
        FloatingIp second = fips.get(1);
        assertThat(second.portId()).isEqualTo("dddddddd-dddd-4ddd-8ddd-dddddddddddd");
        assertThat(Ipv4.format(second.fixedIp())).isEqualTo("10.0.0.6");
    }

    private static Network network(String name) {
        return cloud.networks().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }
}
