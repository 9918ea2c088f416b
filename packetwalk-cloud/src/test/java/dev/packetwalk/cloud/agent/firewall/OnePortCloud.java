package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.model.AgentOptions;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.L3AgentMode;
import dev.packetwalk.cloud.model.Network;
import dev.packetwalk.cloud.model.NetworkType;
import dev.packetwalk.cloud.model.Neutron;
import dev.packetwalk.cloud.model.Nic;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Nova;
import dev.packetwalk.cloud.model.Pins;
import dev.packetwalk.cloud.model.Role;
import dev.packetwalk.cloud.model.SecurityGroup;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.host.Host;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cloud for the firewall's tests: a network node (its DHCP agent serves 192.168.1.0/24 from
 * 192.168.1.2) and compute01, where VMs get ports in the project's default group
 * 5f3c2b1a-8d7e-… (neutron.md §7.6's).
 */
final class OnePortCloud {
    static final String PORT_ID = "1d4a3e1a-40c5-4b5e-9d11-2f6a7c8e9b01";
    static final String DEFAULT_GROUP = "5f3c2b1a-8d7e-4c6b-9a0f-3e2d1c0b9a87";

    final Cloud cloud;
    final Neutron neutron;
    final Nova nova;
    final Network network;
    final Subnet subnet;
    final SecurityGroup defaultGroup;

    OnePortCloud(ReleaseProfile profile, AgentOptions options) {
        this(profile, options, Pins.NONE);
    }

    /** The cloud with {@code computePins} on compute01. */
    OnePortCloud(ReleaseProfile profile, AgentOptions options, Pins computePins) {
        cloud = new Cloud(profile, options, 11, "p1", "2017-05-30T01:14:03Z");
        neutron = new Neutron(cloud);
        nova = new Nova(neutron);
        neutron.addNode(new Node("network", Set.of(Role.NETWORK), new Nic("eth0", Cidr.parse("10.0.0.12/24"), null, 0),
                new Nic("eth1", Cidr.parse("10.10.0.12/24"), null, 0), Map.of(), L3AgentMode.LEGACY, Pins.NONE));
        neutron.addNode(new Node("compute01", Set.of(Role.COMPUTE), new Nic("eth0", Cidr.parse("10.0.0.13/24"), null, 0),
                new Nic("eth1", Cidr.parse("10.10.0.13/24"), null, 0), Map.of(), null, computePins));
        defaultGroup = neutron.createDefaultGroup(DEFAULT_GROUP, null, null, null, true);
        network = neutron.createNetwork(new Neutron.NetworkSpec(null, "net", null, NetworkType.VXLAN, null, 90, null,
                false, false, null));
        subnet = neutron.createSubnet(new Neutron.SubnetSpec(null, "subnet", network.id(), Cidr.parse("192.168.1.0/24"),
                null, false, List.of(), true, List.of(), List.of(), null, null));
    }

    /** neutron.md §7.6's VM: port 1d4a3e1a-40c5-…, 192.168.1.5, fa:16:3e:5c:9e:2d, default group. */
    static OnePortCloud example(ReleaseProfile profile) {
        OnePortCloud c = new OnePortCloud(profile, AgentOptions.DEFAULTS);
        c.vm("vm", "192.168.1.5", "fa:16:3e:5c:9e:2d", PORT_ID, null);
        return c;
    }

    /** A VM on compute01 with one port ({@code groups} null: the default group). */
    void vm(String name, String ip, String mac, String portId, List<String> groups) {
        vm(new Nova.NicSpec(network.id(), Ipv4.parse(ip), mac == null ? null : MacAddress.parseBits(mac), portId,
                groups, true, List.of()));
    }

    /** A VM on compute01 with the port {@code nic} asks for. */
    void vm(Nova.NicSpec nic) {
        nova.createServer(new Nova.ServerSpec(null, "vm" + cloud.servers().size(), null, "compute01", null,
                List.of(nic), null, null, null));
    }

    Host compute() {
        return Deployment.render(cloud).host("compute01").orElseThrow();
    }
}
