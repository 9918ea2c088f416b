package dev.packetwalk.host.command.ovs;

import dev.packetwalk.ovs.RealOvs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * VLAN actions through real OVS 3.1 and through Packetwalk: each action list is added over
 * OpenFlow 1.0 and over OpenFlow 1.3 to a flow whose match says a VLAN header is present, absent
 * or unknown, then dumped over both protocols. OVS rewrites mod_vlan_vid/mod_vlan_pcp,
 * push_vlan and set_field on vlan_vid/vlan_pcp on every crossing, depending on that state.
 */
class OfctlVlanDifferentialTest {
    private static final List<String> MATCHES = List.of("", "dl_vlan=5,", "vlan_tci=0x1000/0x1000,",
            "vlan_tci=0/0x1000,", "vlan_tci=0x0000,", "dl_vlan_pcp=3,", "in_port=1,dl_vlan=5,dl_vlan_pcp=1,");
    private static final List<String> ACTIONS = List.of("mod_vlan_vid:7", "mod_vlan_pcp:3", "strip_vlan",
            "strip_vlan,mod_vlan_vid:7", "mod_vlan_vid:7,mod_vlan_pcp:3", "mod_vlan_pcp:3,mod_vlan_vid:7",
            "strip_vlan,mod_vlan_pcp:2", "set_field:4103->vlan_vid", "set_field:3->vlan_pcp",
            "mod_vlan_vid:7,set_field:2->vlan_pcp", "set_field:0x1005->vlan_tci", "set_field:0->vlan_tci,mod_vlan_vid:9",
            "load:0->NXM_OF_VLAN_TCI[],mod_vlan_vid:9", "load:0x1->NXM_OF_VLAN_TCI[12],mod_vlan_pcp:4",
            "clone(mod_vlan_vid:7),mod_vlan_pcp:1", "push_vlan:0x8100,set_field:4103->vlan_vid", "pop_vlan",
            "pop_vlan,push_vlan:0x8100,set_field:4103->vlan_vid", "push_vlan:0x8100,set_field:2->vlan_pcp",
            "push_vlan:0x88a8,set_field:4103->vlan_vid", "pop_vlan,mod_vlan_vid:7", "set_field:4103->vlan_vid,output:2",
            "write_actions(mod_vlan_vid:7)", "mod_vlan_vid:7,strip_vlan,mod_vlan_pcp:5",
            "push_vlan:0x8100,mod_vlan_vid:7");
    private static RealOvs real;

    @BeforeAll
    static void start() throws Exception {
        real = RealOvs.startOrSkip();
    }

    @AfterAll
    static void stop() {
        if (real != null) {
            real.close();
        }
    }

    private static final List<String> BR0 = List.of(
            "ovs-vsctl add-br br0 -- set-fail-mode br0 secure",
            "ovs-vsctl add-port br0 p1 -- set Interface p1 ofport_request=1",
            "ovs-vsctl add-port br0 p2 -- set Interface p2 ofport_request=2");

    private static String compare(List<String> lines) throws Exception {
        real.reset();
        List<String> all = new ArrayList<>(BR0);
        all.addAll(lines);
        return OfctlScripts.diff(OfctlScripts.real(real, all), OfctlScripts.ours(OfctlScripts.newShell(), all));
    }

    private static List<String> roundTrips(String match, String addOption) {
        List<String> lines = new ArrayList<>();
        for (String actions : ACTIONS) {
            lines.add("ovs-ofctl del-flows br0");
            lines.add("ovs-ofctl " + addOption + "add-flow br0 \"" + match + "actions=" + actions + "\"");
            lines.add("ovs-ofctl dump-flows br0");
            lines.add("ovs-ofctl -O OpenFlow13 dump-flows br0");
        }
        return lines;
    }

    @Test
    void addedOverOpenFlow10() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String m : MATCHES) {
            String d = compare(roundTrips(m, ""));
            if (d != null) {
                failures.add(d);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void addedOverOpenFlow13() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String m : MATCHES) {
            String d = compare(roundTrips(m, "-O OpenFlow13 "));
            if (d != null) {
                failures.add(d);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A modify installs actions checked against the modify's match, not each flow's. */
    @Test
    void modifyKeepsTheModifiesVlanView() throws Exception {
        assertThat(compare(List.of(
                "ovs-ofctl add-flow br0 priority=5,dl_vlan=5,actions=output:1",
                "ovs-ofctl add-flow br0 priority=6,vlan_tci=0/0x1000,actions=output:1",
                "ovs-ofctl add-flow br0 priority=7,actions=output:1",
                "ovs-ofctl mod-flows br0 actions=mod_vlan_vid:7,output:2",
                "ovs-ofctl dump-flows br0",
                "ovs-ofctl -O OpenFlow13 dump-flows br0",
                "ovs-ofctl mod-flows br0 dl_vlan=5,actions=mod_vlan_pcp:2",
                "ovs-ofctl -O OpenFlow13 dump-flows br0",
                "ovs-ofctl -O OpenFlow13 mod-flows br0 actions=mod_vlan_vid:9",
                "ovs-ofctl dump-flows br0",
                "ovs-ofctl -O OpenFlow13 dump-flows br0",
                "ovs-ofctl -O OpenFlow13 mod-flows br0 'vlan_tci=0x1000/0x1000,actions=set_field:4101->vlan_vid'",
                "ovs-ofctl dump-flows br0",
                "ovs-ofctl -O OpenFlow13 dump-flows br0"))).isNull();
    }
}
