package dev.packetwalk.host.wiring;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.net.sim.Hop;
import dev.packetwalk.ovs.xlate.Step;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.packetwalk.host.wiring.DatapathDevicesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Live packets across the Linux/OVS seam: pings between namespaces through an OVS bridge. */
class LiveSwitchingTest {
    private static List<Hop> hops(Host host) {
        return host.kernel().stack().simulation().walk().hops();
    }

    @Test
    void pingAcrossNormal() {
        Host host = Hosts.unshared("h");
        String out = run(host, SwitchScripts.NORMAL + SwitchScripts.SHOW);
        assertThat(out).contains("2 packets transmitted, 2 received, 0% packet loss")
                .containsPattern("n_packets=6, n_bytes=\\d+, .*priority=0 actions=NORMAL")
                .containsPattern("    [12]     0  [0-9a-f:]{17}    \\d+\n");
        Hop bridge = hops(host).stream().filter(h -> h.device().equals("br0") && "pa".equals(h.in())
                && h.before().ipv4() != null).findFirst().orElseThrow();
        assertThat(bridge.out()).isEqualTo("pb");
        assertThat(bridge.decisions()).anyMatch(d -> d instanceof Step.TableMatched)
                .anyMatch(d -> d.text().equals("NORMAL"))
                .anyMatch(d -> d.text().startsWith("Datapath actions: "));
    }

    @Test
    void accessPortsOnOtherVlansDoNotMeet() {
        Host host = Hosts.unshared("h");
        String out = run(host, SwitchScripts.VLANS + SwitchScripts.SHOW);
        assertThat(out).contains("2 packets transmitted, 2 received, 0% packet loss")
                .contains("1 packets transmitted, 0 received, 100% packet loss");
        assertThat(hops(host)).noneMatch(h -> "pc".equals(h.out()));
    }

    @Test
    void dropFlowStopsOneSource() {
        Host host = Hosts.unshared("h");
        String out = run(host, SwitchScripts.DROP + SwitchScripts.SHOW);
        assertThat(out).contains("2 packets transmitted, 2 received, 0% packet loss")
                .contains("1 packets transmitted, 0 received, 100% packet loss")
                .containsPattern("n_packets=1, n_bytes=98, .*priority=10,ip,nw_src=10.0.0.3 actions=drop");
        assertThat(hops(host)).anyMatch(h -> h.device().equals("br0") && "pc".equals(h.in()) && h.dropped());
    }

    @Test
    void routerNamespaceBehindInternalPort() {
        Host host = Hosts.unshared("h");
        String out = run(host, SwitchScripts.ROUTER + SwitchScripts.SHOW);
        assertThat(out).contains("2 packets transmitted, 2 received, 0% packet loss");
        assertThat(hops(host)).anyMatch(h -> h.node().equals("qrouter") && "qr-1".equals(h.in()));
        assertThat(hops(host)).anyMatch(h -> h.device().equals("br0") && "qr-1".equals(h.in()));
    }
}
