package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.model.DeviceOwner;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.net.Ipv4;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.packetwalk.net.MacAddress.format;
import static org.assertj.core.api.Assertions.assertThat;

/** The agent on a VLAN provider network, with and without l2population and DVR ({@link SmallCloud}). */
class OvsAgentScenariosTest {
    private static final String NODE = "compute1";

    @Test
    void vlanNetworksAreTranslatedBetweenSegmentAndLocalVlanOnBrIntAndThePhysicalBridge() {
        SmallCloud c = new SmallCloud(false, false);
        Switches sw = new Switches(c.deployment);
        int local = sw.tag(NODE, DeviceNames.qvo(c.port(c.vm1).id()));
        int intPort = sw.ofport(NODE, "int-br-vlan");
        int phyPort = sw.ofport(NODE, "phy-br-vlan");
        assertThat(sw.flows(NODE, "br-int")).contains(
                "table=0, priority=3,in_port=" + intPort + ",dl_vlan=200 actions=mod_vlan_vid:" + local + ",NORMAL",
                "table=0, priority=2,in_port=" + intPort + " actions=drop");
        assertThat(sw.flows(NODE, "br-vlan")).contains(
                "table=0, priority=4,in_port=" + phyPort + ",dl_vlan=" + local + " actions=mod_vlan_vid:200,NORMAL",
                "table=0, priority=2,in_port=" + phyPort + " actions=drop", "table=0, priority=0 actions=NORMAL");
        assertThat(sw.run(NODE, "ovs-vsctl get Port " + DeviceNames.qvo(c.port(c.vm1).id()) + " other_config"))
                .contains("network_type=vlan, physical_network=physnet1, segmentation_id=\"200\"");
    }

    @Test
    void antiSpoofingCoversAllowedAddressPairsAndSkipsPortsWithoutPortSecurity() {
        SmallCloud c = new SmallCloud(false, false);
        Switches sw = new Switches(c.deployment);
        Port p1 = c.port(c.vm1);
        int of1 = sw.ofport(NODE, DeviceNames.qvo(p1.id()));
        int of2 = sw.ofport(NODE, DeviceNames.qvo(c.port(c.vm2).id()));
        assertThat(sw.flows(NODE, "br-int")).contains(
                "table=25, priority=2,in_port=" + of1 + ",dl_src=" + format(p1.mac()) + " actions=NORMAL",
                "table=25, priority=2,in_port=" + of1 + ",dl_src=fa:16:3e:00:00:99 actions=NORMAL",
                "table=24, priority=2,arp,in_port=" + of1 + ",arp_spa=" + Ipv4.format(p1.ip()) + " actions=resubmit(,25)",
                "table=24, priority=2,arp,in_port=" + of1 + ",arp_spa=10.9.9.0/24 actions=resubmit(,25)",
                "table=24, priority=2,icmp6,in_port=" + of1 + ",icmp_type=136,nd_target=fe80::f816:3eff:fe00:99"
                        + " actions=NORMAL",
                "table=0, priority=10,arp,in_port=" + of1 + " actions=resubmit(,24)",
                "table=0, priority=9,in_port=" + of1 + " actions=resubmit(,25)")
                .noneMatch(l -> l.contains("in_port=" + of2 + ","));
    }

    @Test
    void withoutL2populationEveryAgentGetsATunnelAndFloodsToAll() {
        SmallCloud c = new SmallCloud(false, false);
        Switches sw = new Switches(c.deployment);
        String show = sw.run(NODE, "ovs-vsctl show");
        assertThat(show).contains("vxlan-c0a8010a", "vxlan-c0a80116", "vxlan-c0a80117");
        int local = sw.tag(NODE, DeviceNames.qvo(c.port(c.vm2).id()));
        assertThat(sw.flows(NODE, "br-tun")).contains("table=22, priority=1,dl_vlan=" + local
                + " actions=strip_vlan,load:0x12c->NXM_NX_TUN_ID[],output:" + sw.ofport(NODE, "vxlan-c0a8010a")
                + ",output:" + sw.ofport(NODE, "vxlan-c0a80116") + ",output:" + sw.ofport(NODE, "vxlan-c0a80117"))
                .noneMatch(l -> l.startsWith("table=20, priority=2"));
        assertThat(sw.run("compute3", "ovs-vsctl show")).contains("vxlan-c0a80115", "vxlan-c0a8010a");
    }

    @Test
    void withL2populationTunnelsGoOnlyToHostsWithPortsOnTheNodesNetworks() {
        SmallCloud c = new SmallCloud(false, true);
        Switches sw = new Switches(c.deployment);
        String show = sw.run(NODE, "ovs-vsctl show");
        assertThat(show).contains("vxlan-c0a8010a", "vxlan-c0a80116").doesNotContain("vxlan-c0a80117");
        assertThat(sw.run("compute3", "ovs-vsctl show")).doesNotContain("vxlan-");
        Port vm3 = c.port(c.vm3);
        int local = sw.tag(NODE, DeviceNames.qvo(c.port(c.vm2).id()));
        int toCompute2 = sw.ofport(NODE, "vxlan-c0a80116");
        assertThat(sw.flows(NODE, "br-tun")).contains(
                "table=20, priority=2,dl_vlan=" + local + ",dl_dst=" + format(vm3.mac())
                        + " actions=strip_vlan,load:0x12c->NXM_NX_TUN_ID[],output:" + toCompute2,
                "table=0, priority=1,in_port=" + toCompute2 + " actions=resubmit(,4)");
        // the legacy router's qr- port on the network node is an ordinary port for l2population
        Port qr = c.cloud.portsOf(c.vxlan.id()).stream().filter(p -> p.owner() == DeviceOwner.ROUTER_INTERFACE)
                .findFirst().orElseThrow();
        assertThat(sw.flows(NODE, "br-tun")).anyMatch(l -> l.contains("dl_dst=" + format(qr.mac()) + " actions=strip_vlan"));
    }

    @Test
    void dvrOnVlanNetworksRewritesInTableTwoWithTheSegmentAndProcessesOnThePhysicalBridge() {
        SmallCloud c = new SmallCloud(true, true);
        Switches sw = new Switches(c.deployment);
        Port vm = c.port(c.vm1);
        String qvo = DeviceNames.qvo(vm.id());
        Port qr = c.cloud.portsOf(c.vlan.id()).stream().filter(p -> p.owner() == DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED)
                .findFirst().orElseThrow();
        int local = sw.tag(NODE, qvo);
        int phyPort = sw.ofport(NODE, "phy-br-vlan");
        String dvrMac = format(c.cloud.dvrMacs().get(NODE));
        assertThat(sw.flows(NODE, "br-int")).contains("table=2, priority=4,dl_vlan=200,dl_dst=" + format(vm.mac())
                + " actions=strip_vlan,mod_dl_src:" + format(qr.mac()) + ",output:" + sw.ofport(NODE, qvo));
        List<String> brVlan = sw.flows(NODE, "br-vlan");
        assertThat(brVlan).contains(
                "table=2, priority=4,in_port=" + phyPort + ",dl_vlan=" + local + " actions=mod_vlan_vid:200,NORMAL",
                "table=1, priority=3,arp,dl_vlan=" + local + ",arp_tpa=10.1.0.1 actions=drop",
                "table=1, priority=2,dl_vlan=" + local + ",dl_dst=" + format(qr.mac()) + " actions=drop",
                "table=1, priority=1,dl_vlan=" + local + ",dl_src=" + format(qr.mac()) + " actions=mod_dl_src:" + dvrMac
                        + ",resubmit(,2)")
                .noneMatch(l -> l.startsWith("table=0, priority=4,in_port=" + phyPort + ",dl_vlan="));
    }
}
