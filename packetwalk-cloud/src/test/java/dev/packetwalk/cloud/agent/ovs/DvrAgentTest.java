package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.model.AgentOptions;
import dev.packetwalk.cloud.model.DeviceOwner;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.net.Ipv4;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.packetwalk.net.MacAddress.format;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DVR flows of a small DVR cloud ({@link DvrLab}: dvr_snat controller, two dvr computes,
 * RED and GREEN behind a distributed router with a gateway, a floating IP on compute1) with
 * l2population and the ARP responder, against neutron.md §4 (DVR additions), §5.4 (Ocata
 * column) and the Ocata agent's ovs_dvr_neutron_agent / br_dvr_process.
 */
class DvrAgentTest {
    private static DvrLab lab;
    private static Switches sw;

    @BeforeAll
    static void render() {
        lab = new DvrLab(ReleaseProfile.OCATA, new AgentOptions(true, true, true, true, true));
        sw = new Switches(Deployment.render(lab.cloud));
    }

    private static String dvrMac(String node) {
        return format(lab.cloud.dvrMacs().get(node));
    }

    private static Port vmPort(Server s) {
        return lab.cloud.port(s.portIds().get(0));
    }

    /** The router's interface (qr-) port on a network. */
    private static Port routerPort(String networkId) {
        return lab.cloud.portsOwnedBy(lab.router.id()).stream()
                .filter(p -> p.owner() == DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED && p.networkId().equals(networkId))
                .findFirst().orElseThrow();
    }

    private static Port ownedOn(String networkId, DeviceOwner owner) {
        return lab.cloud.portsOf(networkId).stream().filter(p -> p.owner() == owner).findFirst().orElseThrow();
    }

    @Test
    void integrationBridgeHasTheDvrTablesAndRewritesRoutedFramesForLocalVms() {
        String node = "compute1";
        List<String> brInt = sw.flows(node, "br-int");
        int patchTun = sw.ofport(node, "patch-tun");
        int intEx = sw.ofport(node, "int-br-ex");
        assertThat(brInt).contains("table=0, priority=1 actions=NORMAL", "table=0, priority=0 actions=NORMAL",
                "table=1, priority=1 actions=drop", "table=2, priority=1 actions=drop", "table=23, priority=0 actions=drop",
                "table=24, priority=0 actions=drop", "table=0, priority=2,in_port=" + intEx + " actions=drop");
        for (String other : List.of("controller", "compute2")) {
            assertThat(brInt).contains(
                    "table=0, priority=2,in_port=" + patchTun + ",dl_src=" + dvrMac(other) + " actions=resubmit(,1)",
                    "table=0, priority=4,in_port=" + intEx + ",dl_src=" + dvrMac(other) + " actions=resubmit(,2)");
        }
        assertThat(String.join("\n", brInt)).doesNotContain(dvrMac(node));
        for (Server vm : List.of(lab.red1, lab.green1)) {
            Port p = vmPort(vm);
            String qvo = DeviceNames.qvo(p.id());
            assertThat(brInt).contains("table=1, priority=4,dl_vlan=" + sw.tag(node, qvo) + ",dl_dst=" + format(p.mac())
                    + " actions=strip_vlan,mod_dl_src:" + format(routerPort(p.networkId()).mac()) + ",output:"
                    + sw.ofport(node, qvo));
        }
        assertThat(brInt.stream().filter(l -> l.startsWith("table=1, priority=4,"))).hasSize(2);
    }

    @Test
    void tunnelBridgeSendsLocalRouterFramesWithTheHostsDvrMacAndNeverLearnsOtherHostsOnes() {
        String node = "compute1";
        List<String> brTun = sw.flows(node, "br-tun");
        int patchInt = sw.ofport(node, "patch-int");
        assertThat(brTun).contains("table=0, priority=1,in_port=" + patchInt + " actions=resubmit(,1)",
                "table=1, priority=0 actions=resubmit(,2)", "table=9, priority=0 actions=resubmit(,10)")
                .doesNotContain("table=0, priority=1,in_port=" + patchInt + " actions=resubmit(,2)");
        for (String other : List.of("controller", "compute2")) {
            assertThat(brTun).contains("table=9, priority=1,dl_src=" + dvrMac(other) + " actions=output:" + patchInt);
        }
        for (var net : List.of(lab.red, lab.green)) {
            Port qr = routerPort(net.id());
            int vlan = sw.tag(node, DeviceNames.qr(qr.id()));
            Subnet subnet = lab.cloud.subnet(qr.fixedIps().get(0).subnetId());
            assertThat(brTun).contains(
                    "table=4, priority=1,tun_id=0x" + Integer.toHexString(net.segmentationId()) + " actions=mod_vlan_vid:"
                            + vlan + ",resubmit(,9)",
                    "table=1, priority=3,arp,dl_vlan=" + vlan + ",arp_tpa=" + Ipv4.format(subnet.gateway())
                            + " actions=drop",
                    "table=1, priority=2,dl_vlan=" + vlan + ",dl_dst=" + format(qr.mac()) + " actions=drop",
                    "table=1, priority=1,dl_vlan=" + vlan + ",dl_src=" + format(qr.mac()) + " actions=mod_dl_src:"
                            + dvrMac(node) + ",resubmit(,2)");
        }
    }

    @Test
    void l2populationFloodsToHostsWithPortsAndAddsUnicastAndArpEntriesButNotForTheSharedRouterMac() {
        String node = "compute1";
        List<String> brTun = sw.flows(node, "br-tun");
        int toController = sw.ofport(node, "vxlan-c0a8010b");
        int toCompute2 = sw.ofport(node, "vxlan-c0a80116");
        int red = sw.tag(node, DeviceNames.qvo(vmPort(lab.red1).id()));
        assertThat(brTun).contains("table=2, priority=1,arp,dl_dst=ff:ff:ff:ff:ff:ff actions=resubmit(,21)",
                "table=21, priority=0 actions=resubmit(,22)",
                "table=22, priority=1,dl_vlan=" + red + " actions=strip_vlan,load:0x64->NXM_NX_TUN_ID[],output:"
                        + toController + ",output:" + toCompute2,
                "table=0, priority=1,in_port=" + toController + " actions=resubmit(,4)",
                "table=0, priority=1,in_port=" + toCompute2 + " actions=resubmit(,4)");
        Port red3 = vmPort(lab.red3);
        assertThat(brTun).contains("table=20, priority=2,dl_vlan=" + red + ",dl_dst=" + format(red3.mac())
                + " actions=strip_vlan,load:0x64->NXM_NX_TUN_ID[],output:" + toCompute2);
        assertThat(brTun).contains("table=21, priority=1,arp,dl_vlan=" + red + ",arp_tpa=" + Ipv4.format(red3.ip())
                + " actions=load:0x2->NXM_OF_ARP_OP[],move:NXM_NX_ARP_SHA[]->NXM_NX_ARP_THA[],"
                + "move:NXM_OF_ARP_SPA[]->NXM_OF_ARP_TPA[],load:0x" + Long.toHexString(red3.mac()) + "->NXM_NX_ARP_SHA[],"
                + "load:0x" + Integer.toHexString(red3.ip()) + "->NXM_OF_ARP_SPA[],"
                + "move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],mod_dl_src:" + format(red3.mac()) + ",IN_PORT");
        for (DeviceOwner owner : List.of(DeviceOwner.DHCP, DeviceOwner.ROUTER_CENTRALIZED_SNAT)) {
            Port p = ownedOn(lab.red.id(), owner);
            assertThat(brTun).contains("table=20, priority=2,dl_vlan=" + red + ",dl_dst=" + format(p.mac())
                    + " actions=strip_vlan,load:0x64->NXM_NX_TUN_ID[],output:" + toController);
        }
        assertThat(String.join("\n", brTun)).doesNotContain("dl_dst=" + format(routerPort(lab.red.id()).mac())
                + " actions=strip_vlan");
    }

    @Test
    void physicalBridgeGoesThroughTheDvrTablesAndCarriesTheFloatingIpGatewaysNetwork() {
        String node = "compute1";
        List<String> brEx = sw.flows(node, "br-ex");
        int phy = sw.ofport(node, "phy-br-ex");
        int external = sw.tag(node, DeviceNames.fg(ownedOn(lab.provider.id(), DeviceOwner.FLOATINGIP_AGENT_GATEWAY).id()));
        assertThat(brEx).contains("table=0, priority=2,in_port=" + phy + " actions=resubmit(,1)",
                "table=0, priority=1 actions=resubmit(,3)", "table=0, priority=0 actions=NORMAL",
                "table=1, priority=0 actions=resubmit(,2)", "table=2, priority=2,in_port=" + phy + " actions=drop",
                "table=3, priority=1 actions=NORMAL",
                "table=0, priority=4,in_port=" + phy + ",dl_vlan=" + external + " actions=strip_vlan,NORMAL")
                .doesNotContain("table=0, priority=2,in_port=" + phy + " actions=drop");
        for (String other : List.of("controller", "compute2")) {
            assertThat(brEx).contains("table=3, priority=2,dl_src=" + dvrMac(other) + " actions=output:" + phy);
        }
        assertThat(sw.flows(node, "br-int")).contains("table=0, priority=3,in_port=" + sw.ofport(node, "int-br-ex")
                + ",vlan_tci=0x0000/0x1fff actions=mod_vlan_vid:" + external + ",NORMAL");
        assertThat(sw.flows("compute2", "br-ex")).noneMatch(l -> l.startsWith("table=0, priority=4,"));
    }

    @Test
    void snatNodeRewritesRoutedFramesForItsSnatAndDhcpPortsWithTheGatewayMac() {
        String node = "controller";
        List<String> brInt = sw.flows(node, "br-int");
        for (var net : List.of(lab.red, lab.green)) {
            String gateway = format(routerPort(net.id()).mac());
            for (DeviceOwner owner : List.of(DeviceOwner.DHCP, DeviceOwner.ROUTER_CENTRALIZED_SNAT)) {
                Port p = ownedOn(net.id(), owner);
                String device = owner == DeviceOwner.DHCP ? DeviceNames.tap(p.id()) : DeviceNames.sg(p.id());
                assertThat(brInt).contains("table=1, priority=4,dl_vlan=" + sw.tag(node, device) + ",dl_dst="
                        + format(p.mac()) + " actions=strip_vlan,mod_dl_src:" + gateway + ",output:"
                        + sw.ofport(node, device));
            }
        }
        assertThat(brInt.stream().filter(l -> l.startsWith("table=1, priority=4,"))).hasSize(4);
        assertThat(brInt).noneMatch(l -> l.contains("table=24, priority=2") || l.contains("table=25,"));
        assertThat(sw.flows("compute2", "br-int").stream().filter(l -> l.startsWith("table=1, priority=4,")))
                .hasSize(2);
    }
}
