package dev.packetwalk.ovs.xlate;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.ovs.flow.FlowText;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.flowmod.FlowModText;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.FlowMods;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The structured side of a translation (what walks use): outputs, datapath state per switch. */
class TracerTest {
    private static Host host(String... flows) {
        Host h = Hosts.dummyDatapath("h");
        new Shell(h).runScript(String.join("\n",
                "ovs-vsctl add-br br1 -- set bridge br1 fail-mode=secure",
                "ovs-vsctl add-port br1 p1 -- set interface p1 type=internal ofport_request=1",
                "ovs-vsctl add-port br1 p2 -- set interface p2 type=internal ofport_request=2",
                "ovs-vsctl add-port br1 vx -- set interface vx type=vxlan options:remote_ip=10.0.0.2"
                        + " options:local_ip=10.0.0.1 options:key=flow ofport_request=3"),
                new StringBuilder(), new StringBuilder());
        Bridge b = h.vswitch().bridge("br1").orElseThrow();
        for (String f : flows) {
            FlowMod mod = FlowModText.parse(f, Protocol.OPENFLOW10, b, new ArrayList<>());
            FlowMods.add(b, mod);
        }
        return h;
    }

    private static TraceResult trace(Host h, String flow) {
        Bridge b = h.vswitch().bridge("br1").orElseThrow();
        return new Tracer(h.vswitch()).trace(b, FlowText.parse(flow, b, new ArrayList<>()), Tracer.Mode.DRY);
    }

    @Test
    void outputsNameThePortsAndTheTunnelHeader() {
        Host h = host("in_port=1,actions=output:2,set_tunnel:0x64,output:3");
        TraceResult r = trace(h, "in_port=1,dl_dst=00:00:00:00:00:02");
        assertThat(r.outputs()).extracting(Step.Emitted::port).containsExactly("p2", "vx");
        assertThat(r.actions()).filteredOn(a -> a instanceof OdpAction.SetTunnel).singleElement()
                .satisfies(a -> assertThat(OdpAction.format(List.of(a)))
                        .isEqualTo("set(tunnel(tun_id=0x64,src=10.0.0.1,dst=10.0.0.2,ttl=64,tp_dst=4789,flags(df|key)))"));
        assertThat(r.finalFlow().tunId()).as("set_tunnel stays in the flow").isEqualTo(0x64);
        assertThat(r.finalFlow().tunDst()).as("the port's metadata is restored after output").isZero();
    }

    @Test
    void recirculationIdsCountPerSwitch() {
        String ct = "in_port=1,ip,actions=ct(table=1,zone=5)";
        Host a = host(ct, "table=1,actions=output:2");
        Host b = host(ct, "table=1,actions=output:2");
        String tcp = "in_port=1,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.2,tp_dst=80";
        assertThat(trace(a, tcp).continuations().get(0).recircId()).isEqualTo(1);
        assertThat(trace(a, tcp).continuations().get(0).recircId()).isEqualTo(2);
        assertThat(trace(b, tcp).continuations().get(0).recircId()).as("another switch has its own counter")
                .isEqualTo(1);
        assertThat(a.vswitch().datapath()).isNotSameAs(b.vswitch().datapath());
    }
}
