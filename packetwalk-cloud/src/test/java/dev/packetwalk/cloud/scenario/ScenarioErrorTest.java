package dev.packetwalk.cloud.scenario;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenarios that must not load, each with the exact message a user sees. */
class ScenarioErrorTest {
    /** Two nodes and two networks, lines 1 to 16; cases append from line 17. */
    private static final String BASE = """
            nodes:
              - name: net1
                roles: [controller, network]
                l3_agent_mode: dvr_snat
                bridge_mappings: {ext: br-ex}
              - name: cmp1
                roles: [compute]
                l3_agent_mode: dvr
            networks:
              - name: pub
                type: flat
                physical_network: ext
                external: true
                subnets: [{name: pub-sub, cidr: 200.0.0.0/24}]
              - name: priv
                subnets: [{name: priv-sub, cidr: 10.0.0.0/24}]
            """;

    private static void assertFails(String yaml, String message) {
        assertThatThrownBy(() -> Scenario.parse(yaml, "t.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(message);
    }

    @Nested
    class Yaml {
        @Test
        void malformedYamlIsMappedToItsPlace() {
            assertFails("nodes: [a, b\nseed: 1\n", "t.yaml:2:5: malformed YAML: expected ',' or ']', but got : "
                    + "(while parsing a flow sequence at line 1, column 8)");
        }

        @Test
        void tabsCannotIndent() {
            assertFails("nodes:\n\t- name: a\n", "t.yaml:2:1: malformed YAML: found character '\\t(TAB)' that "
                    + "cannot start any token. (Do not use \\t(TAB) for indentation) (while scanning for the next "
                    + "token)");
        }

        @Test
        void duplicateKeys() {
            assertFails(BASE + "seed: 1\nseed: 2\n", "t.yaml:18:1: duplicate key \"seed\" (first at line 17)");
        }

        @Test
        void aliases() {
            assertFails(BASE + "seed: &s 1\nprofile: *s\n",
                    "t.yaml:18:10: YAML aliases (*s) are not supported: write the value out");
        }

        @Test
        void secondDocument() {
            assertFails(BASE + "---\nseed: 1\n",
                    "t.yaml:18:1: a scenario is one YAML document, but a second one starts here");
        }

        @Test
        void emptyText() {
            assertFails("# nothing\n", "t.yaml: the scenario is empty (it needs nodes:)");
        }

        @Test
        void emptyDocument() {
            assertFails("---\n", "t.yaml: the scenario is empty (it needs nodes:)");
        }

        @Test
        void rootIsNotAMapping() {
            assertFails("- nodes\n", "t.yaml:1:1: the scenario must be a mapping, not a list");
        }
    }

    @Nested
    class TopLevel {
        @Test
        void unknownKey() {
            assertFails(BASE + "nets: []\n", "t.yaml:17:1: unknown key \"nets\" in the scenario (expected one of: "
                    + "seed, profile, project, timestamp, agents, nodes, networks, security_groups, routers, servers, "
                    + "floating_ips)");
        }

        @Test
        void missingNodes() {
            assertFails("seed: 1\n", "t.yaml:1:1: missing key \"nodes\" in the scenario");
        }

        @Test
        void noNodes() {
            assertFails("nodes: []\n", "t.yaml:1:8: nodes must list at least one node");
        }

        @Test
        void wrongTypeOfSeed() {
            assertFails(BASE + "seed: forty-two\n", "t.yaml:17:7: seed must be a whole number, not \"forty-two\"");
        }

        @Test
        void unknownProfile() {
            assertFails(BASE + "profile: queens\n", "t.yaml:17:10: profile must be ocata or pike, not \"queens\"");
        }

        @Test
        void badTimestamp() {
            assertFails(BASE + "timestamp: yesterday\n",
                    "t.yaml:17:12: timestamp must be a UTC time like 2017-05-30T01:14:03Z, not \"yesterday\"");
        }

        @Test
        void agentOptionsTheModelRefuses() {
            assertFails(BASE + "agents: {arp_responder: true}\n", "t.yaml:17:9: arp_responder needs l2population");
        }

        @Test
        void unknownAgentSwitch() {
            assertFails(BASE + "agents: {l2pop: true}\n", "t.yaml:17:10: unknown key \"l2pop\" in agents (expected one "
                    + "of: l2population, arp_responder, enable_ipset, prevent_arp_spoofing, metadata)");
        }

        @Test
        void sectionThatIsNotAList() {
            assertFails(BASE + "servers: {name: vm1}\n", "t.yaml:17:10: servers must be a list, not a mapping");
        }
    }

    @Nested
    class Nodes {
        @Test
        void unknownKey() {
            assertFails("nodes:\n  - {name: n1, roles: [compute], l3_mode: dvr}\n",
                    "t.yaml:2:34: unknown key \"l3_mode\" in node \"n1\" (expected one of: name, roles, l3_agent_mode, "
                            + "management, tunnel, bridge_mappings, bridge_ports, pins)");
        }

        @Test
        void bridgePortOnAnUnmappedBridge() {
            assertFails("nodes:\n  - {name: n1, roles: [network], bridge_mappings: {ext: br-ex}, bridge_ports: {br-eth1: eth1}}\n",
                    "t.yaml:2:5: node n1: bridge_ports names br-eth1, which is in no bridge_mappings entry");
        }

        @Test
        void missingRoles() {
            assertFails("nodes:\n  - name: n1\n", "t.yaml:2:5: missing key \"roles\" in node \"n1\"");
        }

        @Test
        void unknownRole() {
            assertFails("nodes:\n  - {name: n1, roles: [compute, db]}\n",
                    "t.yaml:2:33: node \"n1\": roles entry must be controller, network or compute, not \"db\"");
        }

        @Test
        void nicAddressWithoutPrefix() {
            assertFails("nodes:\n  - name: n1\n    roles: [compute]\n    management: {nic: eth0, ip: 10.10.0.10}\n",
                    "t.yaml:4:33: management of node \"n1\": ip must be an address with its prefix length like "
                            + "10.10.0.11/24, not \"10.10.0.10\"");
        }

        @Test
        void nicGatewayOutsideItsNetwork() {
            assertFails("nodes:\n  - name: n1\n    roles: [compute]\n"
                            + "    tunnel: {nic: eth1, ip: 192.168.1.11/24, gateway: 192.168.2.1}\n",
                    "t.yaml:4:55: tunnel of node \"n1\": gateway 192.168.2.1 is outside 192.168.1.11/24");
        }

        @Test
        void malformedMac() {
            assertFails("nodes:\n  - name: n1\n    roles: [compute]\n"
                            + "    management: {nic: eth0, ip: 10.10.0.10/24, mac: 'fa:16:3e:3b:53'}\n",
                    "t.yaml:4:53: management of node \"n1\": mac must be a MAC address like fa:16:3e:3b:53:26, "
                            + "not \"fa:16:3e:3b:53\"");
        }

        @Test
        void duplicateName() {
            assertFails("nodes:\n  - {name: n1, roles: [compute]}\n  - {name: n1, roles: [network]}\n",
                    "t.yaml:3:12: node \"n1\" is defined twice (first at line 2)");
        }

        @Test
        void unknownPin() {
            assertFails("nodes:\n  - name: n1\n    roles: [compute]\n    pins: {vlans: {priv: 1}}\n",
                    "t.yaml:4:12: unknown key \"vlans\" in pins of node \"n1\" (expected one of: ovs_uuid, cookies, "
                            + "ofports, local_vlans, macs, zones)");
        }

        @Test
        void badCookie() {
            assertFails("nodes:\n  - name: n1\n    roles: [compute]\n    pins: {cookies: {br-int: 0xfffffffffffffffff}}\n",
                    "t.yaml:4:30: pins of node \"n1\": cookies.br-int must be a 64-bit cookie like "
                            + "0xb950e065fe76cc7b, not 0xfffffffffffffffff");
        }

        @Test
        void localVlanOfAnUnknownNetwork() {
            assertFails(BASE.replace("bridge_mappings: {ext: br-ex}",
                            "bridge_mappings: {ext: br-ex}\n    pins: {local_vlans: {privat: 3}}"),
                    "t.yaml:6:26: pins of node \"net1\": unknown network \"privat\" (known networks: pub, priv)");
        }

        @Test
        void localVlanTwice() {
            assertFails(BASE.replace("bridge_mappings: {ext: br-ex}",
                            "bridge_mappings: {ext: br-ex}\n    pins: {local_vlans: {priv: 3, pub: 3}}"),
                    "t.yaml:6:25: node net1: local VLAN 3 is pinned for networks priv and pub");
        }

        @Test
        void malformedUuid() {
            assertFails("nodes:\n  - name: n1\n    roles: [compute]\n    pins: {ovs_uuid: 1234}\n",
                    "t.yaml:4:22: pins of node \"n1\": ovs_uuid must be a UUID (8-4-4-4-12 lower-case hex digits), "
                            + "not 1234");
        }
    }

    @Nested
    class Networks {
        @Test
        void unknownKey() {
            assertFails(BASE + "  - {name: private, segmentaton_id: 5}\n",
                    "t.yaml:17:21: unknown key \"segmentaton_id\" in network \"private\" (expected one of: id, name, "
                            + "project, type, physical_network, segmentation_id, mtu, shared, external, subnets, "
                            + "created_at, updated_at, revision_number)");
        }

        @Test
        void missingName() {
            assertFails(BASE + "  - {type: vxlan}\n", "t.yaml:17:5: missing key \"name\" in network");
        }

        @Test
        void wrongTypes() {
            assertFails(BASE + "  - {name: big, mtu: large}\n",
                    "t.yaml:17:22: network \"big\": mtu must be a whole number from 68 to 65535, not \"large\"");
            assertFails(BASE + "  - {name: quoted, shared: 'true'}\n",
                    "t.yaml:17:28: network \"quoted\": shared must be true or false, not \"true\"");
            assertFails(BASE + "  - {name: floaty, segmentation_id: 1.5}\n",
                    "t.yaml:17:37: network \"floaty\": segmentation_id must be a whole number from 1 to 16777215, "
                            + "not 1.5");
        }

        @Test
        void unknownType() {
            assertFails(BASE + "  - {name: g, type: gre}\n",
                    "t.yaml:17:21: network \"g\": type must be vxlan, vlan or flat, not \"gre\"");
        }

        @Test
        void flatNetworkWithoutPhysicalNetwork() {
            assertFails(BASE + "  - {name: f, type: flat}\n", "t.yaml:17:5: missing key \"physical_network\" in network \"f\"");
        }

        @Test
        void vxlanNetworkWithPhysicalNetwork() {
            assertFails(BASE + "  - {name: v, physical_network: ext}\n",
                    "t.yaml:17:33: network \"v\": a vxlan network has no physical_network");
        }

        @Test
        void unmappedPhysicalNetwork() {
            assertFails(BASE + "  - {name: f, type: flat, physical_network: dmz}\n",
                    "t.yaml:17:5: network f: physical network dmz is in no node's bridge_mappings");
        }

        @Test
        void segmentationIdInUse() {
            assertFails(BASE + "  - {name: a, segmentation_id: 1}\n",
                    "t.yaml:17:5: network a: segmentation id 1 is already used by network priv");
        }

        @Test
        void duplicateName() {
            assertFails(BASE + "  - {name: priv}\n", "t.yaml:17:12: network \"priv\" is defined twice (first at line 15)");
        }

        @Test
        void pinnedIdUsedTwice() {
            String id = "5ee28da9-0c5f-4e46-9b9f-1c1bfe6f0e01";
            assertFails(BASE + "  - {name: a, id: " + id + "}\n  - {name: b, id: " + id + "}\n",
                    "t.yaml:18:5: id " + id + " is used twice");
        }
    }

    @Nested
    class Subnets {
        private String subnet(String body) {
            return BASE + "  - name: extra\n    subnets:\n      - " + body + "\n";
        }

        @Test
        void unknownKey() {
            assertFails(subnet("{name: s, cidr: 10.1.0.0/24, gw: 10.1.0.1}"),
                    "t.yaml:19:38: unknown key \"gw\" in subnet \"s\" (expected one of: id, name, cidr, gateway, "
                            + "allocation_pools, dhcp, dns_nameservers, host_routes, dhcp_port, created_at, updated_at, "
                            + "revision_number)");
        }

        @Test
        void missingCidr() {
            assertFails(subnet("{name: s}"), "t.yaml:19:9: missing key \"cidr\" in subnet \"s\"");
        }

        @Test
        void badCidr() {
            assertFails(subnet("{name: s, cidr: 10.1.0.0/33}"),
                    "t.yaml:19:25: subnet \"s\": cidr must be an IPv4 prefix like 10.0.0.0/24, not \"10.1.0.0/33\"");
        }

        @Test
        void cidrWithHostBits() {
            assertFails(subnet("{name: s, cidr: 10.1.0.1/24}"),
                    "t.yaml:19:9: subnet s: 10.1.0.1/24 is not a network address (did you mean 10.1.0.0/24?)");
        }

        @Test
        void gatewayOutsideTheSubnet() {
            assertFails(subnet("{name: s1, cidr: 10.0.0.0/24, gateway: 10.0.1.1}"),
                    "t.yaml:19:9: subnet s1: gateway 10.0.1.1 is not a host address of 10.0.0.0/24");
        }

        @Test
        void malformedGateway() {
            assertFails(subnet("{name: s, cidr: 10.1.0.0/24, gateway: nowhere}"),
                    "t.yaml:19:47: subnet \"s\": gateway must be an IPv4 address or none, not \"nowhere\"");
        }

        @Test
        void overlappingPools() {
            assertFails(subnet("{name: s, cidr: 10.1.0.0/24, allocation_pools: [{start: 10.1.0.10, end: 10.1.0.20}, "
                            + "{start: 10.1.0.15, end: 10.1.0.30}]}"),
                    "t.yaml:19:9: subnet s: allocation pools 10.1.0.10-10.1.0.20 and 10.1.0.15-10.1.0.30 overlap");
        }

        @Test
        void gatewayInsideAPool() {
            assertFails(subnet("{name: s, cidr: 10.1.0.0/24, allocation_pools: [{start: 10.1.0.1, end: 10.1.0.20}]}"),
                    "t.yaml:19:9: subnet s: gateway 10.1.0.1 is inside allocation pool 10.1.0.1-10.1.0.20");
        }

        @Test
        void poolWithoutEnd() {
            assertFails(subnet("{name: s, cidr: 10.1.0.0/24, allocation_pools: [{start: 10.1.0.10}]}"),
                    "t.yaml:19:57: missing key \"end\" in allocation pool of subnet \"s\"");
        }

        @Test
        void badDnsServer() {
            assertFails(subnet("{name: s, cidr: 10.1.0.0/24, dns_nameservers: [8.8.8.8, 8.8.8]}"),
                    "t.yaml:19:65: subnet \"s\": dns_nameservers entry must be an IPv4 address, not \"8.8.8\"");
        }

        @Test
        void duplicateNameAcrossNetworks() {
            assertFails(subnet("{name: priv-sub, cidr: 10.1.0.0/24}"),
                    "t.yaml:19:16: subnet \"priv-sub\" is defined twice (first at line 16)");
        }
    }

    @Nested
    class SecurityGroups {
        @Test
        void unknownRuleKey() {
            assertFails(BASE + "security_groups:\n  - name: web\n    rules: [{direction: ingress, port: 22}]\n",
                    "t.yaml:19:34: unknown key \"port\" in rule of security group \"web\" (expected one of: id, "
                            + "direction, ethertype, protocol, port_range_min, port_range_max, remote_ip_prefix, "
                            + "remote_group)");
        }

        @Test
        void ruleWithoutDirection() {
            assertFails(BASE + "security_groups:\n  - name: web\n    rules: [{protocol: icmp}]\n",
                    "t.yaml:19:13: missing key \"direction\" in rule of security group \"web\"");
        }

        @Test
        void unknownRemoteGroup() {
            assertFails(BASE + "security_groups:\n  - name: web\n    rules: [{direction: ingress, remote_group: db}]\n",
                    "t.yaml:19:48: rule of security group \"web\": unknown security group \"db\" "
                            + "(known security groups: web)");
        }

        @Test
        void ruleTheModelRefuses() {
            assertFails(BASE + "security_groups:\n  - name: web\n    rules: [{direction: ingress, port_range_min: 22}]\n",
                    "t.yaml:19:13: security group web: a port range needs a protocol");
        }

        @Test
        void duplicateName() {
            assertFails(BASE + "security_groups:\n  - name: web\n  - name: web\n",
                    "t.yaml:19:11: security group \"web\" is defined twice (first at line 18)");
        }
    }

    @Nested
    class Routers {
        @Test
        void gatewayOnANonExternalNetwork() {
            assertFails(BASE + "routers:\n  - name: r1\n    gateway: {network: priv}\n",
                    "t.yaml:19:14: router r1: network priv is not an external network (router:external is False)");
        }

        @Test
        void unknownGatewayKey() {
            assertFails(BASE + "routers:\n  - name: r1\n    gateway: {net: pub}\n",
                    "t.yaml:19:15: unknown key \"net\" in gateway of router \"r1\" (expected one of: network, "
                            + "enable_snat, ip, port_id, mac)");
        }

        @Test
        void interfaceOnAnUnknownSubnet() {
            assertFails(BASE + "routers:\n  - name: r1\n    interfaces: [{subnet: private-subnet}]\n",
                    "t.yaml:19:27: interface of router \"r1\": unknown subnet \"private-subnet\" (known subnets: "
                            + "pub-sub, priv-sub)");
        }

        @Test
        void snatPortOnALegacyRouter() {
            assertFails(BASE + "routers:\n  - name: r1\n    gateway: {network: pub}\n"
                            + "    interfaces: [{subnet: priv-sub, snat_port: {ip: 10.0.0.3}}]\n",
                    "t.yaml:20:48: interface of router \"r1\": snat_port is only for a distributed router with a gateway");
        }

        @Test
        void hostWithoutACentralL3Agent() {
            assertFails(BASE + "routers:\n  - {name: r1, distributed: true, host: cmp1}\n",
                    "t.yaml:18:5: router r1: node cmp1 runs no L3 agent that can host it");
        }
    }

    @Nested
    class Servers {
        @Test
        void onANodeWithoutTheComputeRole() {
            assertFails(BASE + "servers:\n  - {name: vm1, host: net1, nics: [{network: priv}]}\n",
                    "t.yaml:18:5: server vm1: node net1 has no compute role");
        }

        @Test
        void onAnUnknownNode() {
            assertFails(BASE + "servers:\n  - {name: vm1, host: cmp9}\n",
                    "t.yaml:18:23: server \"vm1\": unknown node \"cmp9\" (known nodes: net1, cmp1)");
        }

        @Test
        void nicOnAnUnknownNetwork() {
            assertFails(BASE + "servers:\n  - {name: vm1, nics: [{network: private}]}\n",
                    "t.yaml:18:34: nic of server \"vm1\": unknown network \"private\" (known networks: pub, priv)");
        }

        @Test
        void ipOutsideTheSubnets() {
            assertFails(BASE + "servers:\n  - {name: vm1, nics: [{network: priv, ip: 10.0.1.5}]}\n",
                    "t.yaml:18:5: server vm1: IP 10.0.1.5 is outside every subnet of network priv");
        }

        @Test
        void ipInUse() {
            assertFails(BASE + "servers:\n  - {name: vm1, nics: [{network: priv, ip: 10.0.0.5}]}\n"
                            + "  - {name: vm2, nics: [{network: priv, ip: 10.0.0.5}]}\n",
                    "t.yaml:19:5: IP address 10.0.0.5 already allocated in subnet priv-sub");
        }

        @Test
        void unknownSecurityGroup() {
            assertFails(BASE + "servers:\n  - {name: vm1, nics: [{network: priv, security_groups: [web]}]}\n",
                    "t.yaml:18:58: nic of server \"vm1\": unknown security group \"web\" (no security groups are defined)");
        }

        @Test
        void securityGroupsWithoutPortSecurity() {
            assertFails(BASE + "servers:\n  - {name: vm1, nics: [{network: priv, port_security: false, "
                            + "security_groups: [default]}]}\n",
                    "t.yaml:18:79: nic of server \"vm1\": security_groups needs port_security (it is false)");
        }

        @Test
        void addressPairWithoutAnyMac() {
            assertFails(BASE + "servers:\n  - name: vm1\n    nics:\n      - network: priv\n"
                            + "        allowed_address_pairs: [{ip_address: 10.0.0.200}]\n",
                    "t.yaml:21:33: missing key \"mac_address\" in allowed address pair of nic of server \"vm1\" "
                            + "(it defaults to the nic's mac, which is not pinned)");
        }

        @Test
        void duplicateName() {
            assertFails(BASE + "servers:\n  - {name: vm1}\n  - {name: vm1}\n",
                    "t.yaml:19:12: server \"vm1\" is defined twice (first at line 18)");
        }
    }

    @Nested
    class FloatingIps {
        @Test
        void onANonExternalNetwork() {
            assertFails(BASE + "floating_ips:\n  - {ip: 10.0.0.9, network: priv}\n",
                    "t.yaml:18:5: floating IP 10.0.0.9: network priv is not external (router:external is False)");
        }

        @Test
        void ofAnUnknownServer() {
            assertFails(BASE + "floating_ips:\n  - {network: pub, server: vm9}\n",
                    "t.yaml:18:28: floating IP: unknown server \"vm9\" (no servers are defined)");
        }

        @Test
        void withoutARouter() {
            String yaml = BASE.replace("- name: pub\n", "- name: pub\n    id: 7d29825c-7552-4255-83cf-17102b7f7f86\n")
                    .replace("{name: priv-sub,", "{name: priv-sub, id: 935e82f1-db4c-4f7b-a9b8-2ebc92233300,")
                    + "servers:\n  - {name: vm1, host: cmp1, nics: [{network: priv, port_id: "
                    + "0b4d6a39-6c1f-4e0a-8a50-0d0b2e9e8f11}]}\n"
                    + "floating_ips:\n  - {network: pub, server: vm1}\n";
            assertFails(yaml, "t.yaml:21:5: External network 7d29825c-7552-4255-83cf-17102b7f7f86 is not reachable "
                    + "from subnet 935e82f1-db4c-4f7b-a9b8-2ebc92233300.  Therefore, cannot associate Port "
                    + "0b4d6a39-6c1f-4e0a-8a50-0d0b2e9e8f11 with a Floating IP.");
        }

        @Test
        void serverAndPort() {
            assertFails(BASE + "floating_ips:\n  - {network: pub, server: vm1, port: 0b4d6a39-6c1f-4e0a-8a50-0d0b2e9e8f11}\n",
                    "t.yaml:18:39: floating IP: give server or port, not both");
        }

        @Test
        void fixedIpWithoutAPort() {
            assertFails(BASE + "floating_ips:\n  - {network: pub, fixed_ip: 10.0.0.5}\n",
                    "t.yaml:18:30: floating IP: fixed_ip needs server or port (the floating IP is not associated)");
        }

        @Test
        void unknownKey() {
            assertFails(BASE + "floating_ips:\n  - {network: pub, address: 200.0.0.9}\n",
                    "t.yaml:18:20: unknown key \"address\" in floating IP (expected one of: id, ip, network, server, "
                            + "port, fixed_ip, port_id, agent_gateway, created_at, updated_at, revision_number)");
        }
    }

    @Nested
    class Sources {
        @Test
        void missingFile() {
            Path missing = Path.of("scenarios", "no-such.yaml");
            assertThatThrownBy(() -> Scenario.load(missing)).isInstanceOf(ScenarioException.class)
                    .hasMessage(missing + ": no such file");
        }

        @Test
        void missingLab() {
            assertThatThrownBy(() -> Scenario.fromResource("no-such.yaml")).isInstanceOf(ScenarioException.class)
                    .hasMessage("dev/packetwalk/cloud/lab/no-such.yaml: no such lab on the classpath");
        }

        @Test
        void theExceptionKeepsThePlaceApart() {
            ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                    () -> Scenario.parse(BASE + "seed: x\n", "t.yaml"));
            assertThat(e.source()).isEqualTo("t.yaml");
            assertThat(e.line()).isEqualTo(17);
            assertThat(e.column()).isEqualTo(7);
            assertThat(e.problem()).isEqualTo("seed must be a whole number, not \"x\"");
        }
    }
}
