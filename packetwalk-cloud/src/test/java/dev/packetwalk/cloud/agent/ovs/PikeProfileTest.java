package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.model.AgentOptions;
import dev.packetwalk.cloud.model.DeviceOwner;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.packetwalk.net.MacAddress.format;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same clouds under the Pike profile (neutron 11.0.0, neutron.md §5): br-int's switching
 * moves to TRANSIENT table 60, which the default flow, local VLAN translation, the spoofing
 * allow flows and DVR's rewrite now lead to; DVR no longer adds table 0's priority-1 NORMAL.
 */
class PikeProfileTest {
    @Test
    void brIntSwitchesInTableSixty() {
        Switches sw = new Switches(Deployment.render(LegacyLab.build(ReleaseProfile.PIKE)));
        List<String> compute = sw.flows("compute01", "br-int");
        assertThat(compute).contains("table=0, priority=0 actions=resubmit(,60)", "table=60, priority=3 actions=NORMAL",
                "table=0, priority=9,in_port=2 actions=resubmit(,25)",
                "table=25, priority=2,in_port=2,dl_src=fa:16:3e:3b:53:26 actions=resubmit(,60)",
                "table=24, priority=2,icmp6,in_port=2,icmp_type=136,nd_target=fe80::f816:3eff:fe3b:5326"
                        + " actions=resubmit(,60)",
                "table=24, priority=2,arp,in_port=2,arp_spa=172.19.1.3 actions=resubmit(,25)");
        assertThat(compute).noneMatch(l -> l.endsWith("actions=NORMAL") && !l.startsWith("table=60,"));
        assertThat(sw.flows("network-node", "br-int")).contains(
                "table=0, priority=3,in_port=1,vlan_tci=0x0000/0x1fff actions=mod_vlan_vid:4,resubmit(,60)",
                "table=0, priority=2,in_port=1 actions=drop");
        assertThat(sw.flows("network-node", "br-tun")).contains(
                "table=4, priority=1,tun_id=0x5a actions=mod_vlan_vid:3,resubmit(,10)");
    }

    @Test
    void dvrRewritesInTableOneAndOutputsFromTableSixty() {
        DvrLab lab = new DvrLab(ReleaseProfile.PIKE, new AgentOptions(true, true, true, true, true));
        Switches sw = new Switches(Deployment.render(lab.cloud));
        List<String> brInt = sw.flows("compute1", "br-int");
        Port vm = lab.cloud.port(lab.red1.portIds().get(0));
        Port qr = lab.cloud.portsOf(lab.red.id()).stream()
                .filter(p -> p.owner() == DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED).findFirst().orElseThrow();
        String qvo = DeviceNames.qvo(vm.id());
        String match = "priority=4,dl_vlan=" + sw.tag("compute1", qvo) + ",dl_dst=" + format(vm.mac());
        assertThat(brInt).contains("table=1, " + match + " actions=mod_dl_src:" + format(qr.mac()) + ",resubmit(,60)",
                "table=60, " + match + " actions=strip_vlan,output:" + sw.ofport("compute1", qvo),
                "table=1, priority=1 actions=drop", "table=0, priority=0 actions=resubmit(,60)")
                .doesNotContain("table=0, priority=1 actions=NORMAL");
    }
}
