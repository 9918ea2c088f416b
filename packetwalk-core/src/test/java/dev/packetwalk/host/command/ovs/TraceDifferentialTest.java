package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.ovs.RealOvs;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.flowmod.FlowModText;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of {@code ovs-appctl ofproto/trace} and {@code fdb/show}: the same bridges and
 * flows in the emulator and in a private real OVS 3.1; the same trace commands; outputs compared
 * after normalising datapath port numbers (through each side's dpif/show), flood order (as sets)
 * and recirculation ids. Megaflow lines are counted apart (best effort).
 */
class TraceDifferentialTest {
    static final Path CAPTURES = Path.of("/work/shared/reference/ovs-captures");
    private static RealOvs real;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(RealOvs.available(), "real OVS 3.1 is not installed");
        real = RealOvs.start();
    }

    @AfterAll
    static void stop() {
        if (real != null) {
            real.close();
        }
    }

    /** One case: topology script, flows per bridge, then trace/fdb commands. */
    record Case(String name, String topology, Map<String, List<String>> flows, List<String> commands) {
    }

    static final String CAPTURE_TOPOLOGY = String.join("\n",
            "ovs-vsctl add-br br1 -- set bridge br1 fail-mode=secure",
            "ovs-vsctl add-br br2 -- set bridge br2 fail-mode=secure",
            "ovs-vsctl add-port br1 a1 -- set interface a1 type=internal ofport_request=1",
            "ovs-vsctl add-port br1 a2 tag=10 -- set interface a2 type=internal ofport_request=2",
            "ovs-vsctl add-port br1 a3 tag=20 -- set interface a3 type=internal ofport_request=3",
            "ovs-vsctl add-port br1 a4 trunks=10,20 -- set interface a4 type=internal ofport_request=4",
            "ovs-vsctl add-port br1 a5 tag=10 -- set interface a5 type=internal ofport_request=5",
            "ovs-vsctl add-port br1 patch-12 -- set interface patch-12 type=patch options:peer=patch-21 ofport_request=9",
            "ovs-vsctl add-port br2 b6 -- set interface b6 type=internal ofport_request=6",
            "ovs-vsctl add-port br2 b7 tag=10 -- set interface b7 type=internal ofport_request=7",
            "ovs-vsctl add-port br2 patch-21 -- set interface patch-21 type=patch options:peer=patch-12 ofport_request=8");

    static List<String> file(String name) throws Exception {
        return FlowModText.flowLines(Files.readString(CAPTURES.resolve(name)));
    }

    static List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        String t = "ovs-appctl ofproto/trace ";
        cases.add(new Case("normal", CAPTURE_TOPOLOGY,
                Map.of("br1", List.of("priority=0,actions=NORMAL"), "br2", List.of("priority=0,actions=NORMAL")),
                List.of(t + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=ff:ff:ff:ff:ff:ff",
                        t + "br1 in_port=2,dl_src=00:00:00:00:00:02,dl_dst=ff:ff:ff:ff:ff:ff",
                        t + "br1 in_port=4,dl_vlan=20,dl_src=00:00:00:00:00:04,dl_dst=ff:ff:ff:ff:ff:ff",
                        t + "br1 in_port=4,dl_src=00:00:00:00:00:04,dl_dst=ff:ff:ff:ff:ff:ff",
                        t + "br1 in_port=2,dl_vlan=10,dl_src=00:00:00:00:00:02,dl_dst=ff:ff:ff:ff:ff:ff",
                        t + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02 -generate",
                        "ovs-appctl fdb/show br1", "ovs-appctl fdb/show br2",
                        t + "br2 in_port=6,dl_src=00:00:00:00:00:06,dl_dst=00:00:00:00:00:01",
                        t + "br2 in_port=6,dl_src=00:00:00:00:00:06,dl_dst=00:00:00:00:00:01 -generate",
                        t + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:06",
                        t + "br1 in_port=2,dl_src=00:00:00:00:00:02,dl_dst=00:00:00:00:00:05 -generate",
                        t + "br1 in_port=5,dl_src=00:00:00:00:00:05,dl_dst=00:00:00:00:00:02 -generate",
                        t + "br1 in_port=4,dl_vlan=10,dl_src=00:00:00:00:00:04,dl_dst=00:00:00:00:00:02",
                        t + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:01",
                        t + "br1 in_port=99,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:01",
                        "ovs-appctl fdb/show br1", "ovs-appctl fdb/show br2", "ovs-appctl fdb/show nosuch",
                        t + "nosuch in_port=1", t + "br1 in_port=1,udp,tp_dst=5")));
        cases.add(new Case("of1", CAPTURE_TOPOLOGY,
                Map.of("br1", file("of-pipe1.flows"), "br2", List.of("in_port=8,actions=output:6,output:7,output:8")),
                List.of(t + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        t + "br1 in_port=2,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        t + "br1 in_port=3,dl_vlan=99,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        t + "br1 in_port=4,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        t + "br1 in_port=5,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        t + "br1 in_port=1,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.2,tp_src=1000,tp_dst=80")));
        cases.add(new Case("of2", CAPTURE_TOPOLOGY, Map.of("br1", file("of-pipe2.flows")),
                List.of(t + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        t + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:03")));
        cases.add(new Case("learn", CAPTURE_TOPOLOGY, Map.of("br1", file("learn.flows")),
                List.of(t + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02",
                        t + "br1 in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02 -generate",
                        t + "br1 in_port=2,dl_src=00:00:00:00:00:02,dl_dst=00:00:00:00:00:01")));
        cases.add(new Case("chain+loop", CAPTURE_TOPOLOGY,
                Map.of("br1", file("chain.flows"), "br2", List.of("actions=resubmit(,0)")),
                List.of(t + "br1 in_port=1", t + "br2 in_port=6")));
        cases.add(new Case("conj", CAPTURE_TOPOLOGY, Map.of("br1", file("conj.flows")),
                List.of(t + "br1 in_port=1,tcp,nw_src=10.0.0.2,nw_dst=10.0.0.9,tp_dst=443",
                        t + "br1 in_port=1,tcp,nw_src=10.0.0.3,nw_dst=10.0.0.9,tp_dst=443",
                        t + "br1 in_port=1,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.9,tp_dst=80")));
        cases.add(new Case("ct", CAPTURE_TOPOLOGY, Map.of("br1", file("ct.flows")),
                List.of(t + "br1 in_port=1,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.2,tp_dst=80",
                        t + "br1 in_port=1,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.2,tp_dst=80 --ct-next trk,est",
                        t + "br1 in_port=1,ct_state=trk,tcp,nw_src=10.0.0.1,nw_dst=10.0.0.2,tp_dst=80")));
        List<String> dp = new ArrayList<>();
        for (String line : Files.readAllLines(CAPTURES.resolve("trace-dpactions.txt"))) {
            dp.add(t + "br1 " + line.substring(0, line.indexOf("=>")).trim());
        }
        cases.add(new Case("dpactions", CAPTURE_TOPOLOGY, Map.of("br1", file("dpact10.flows")), dp));
        cases.addAll(NeutronCases.generate(7, 6, 40));
        return cases;
    }

    record Tally(int traces, int same, int megaflowSame, List<String> diffs) {
    }

    @Test
    void traces_agree_with_real_ovs() throws Exception {
        int total = 0;
        int same = 0;
        int mega = 0;
        int megaTotal = 0;
        List<String> diffs = new ArrayList<>();
        for (Case c : cases()) {
            real.reset();
            StringBuilder realScript = new StringBuilder(c.topology()).append('\n');
            for (var e : c.flows().entrySet()) {
                for (String f : e.getValue()) {
                    realScript.append("ovs-ofctl add-flow ").append(e.getKey()).append(" '").append(f).append("'\n");
                }
            }
            for (String br : List.of("br1", "br2", "br3", "br-int", "br-tun", "br-ex")) {
                realScript.append("ovs-appctl dpif/set-dp-features ").append(br).append(" tnl_push_pop false >/dev/null 2>&1 || true\n");
            }
            RealOvs.Result setup = real.run(realScript.toString());
            assertThat(setup.status()).as(c.name() + " setup: " + setup.err()).isEqualTo(0);
            Host host = Hosts.bare("h");
            Shell shell = new Shell(host);
            StringBuilder o = new StringBuilder();
            StringBuilder err = new StringBuilder();
            shell.runScript(c.topology(), o, err);
            assertThat(err.toString()).as(c.name()).isEmpty();
            for (var e : c.flows().entrySet()) {
                Bridge b = host.vswitch().bridge(e.getKey()).orElseThrow();
                for (String f : e.getValue()) {
                    FlowMod mod = FlowModText.parse(f, Protocol.OPENFLOW10, b, new ArrayList<>());
                    b.table(mod.table()).insert(new Rule(mod, host.clock().nanos()));
                }
            }
            String realDp = real.run("ovs-appctl dpif/show").out();
            StringBuilder ourDpOut = new StringBuilder();
            shell.runScript("ovs-appctl dpif/show", ourDpOut, new StringBuilder());
            for (String cmd : c.commands()) {
                RealOvs.Result r = real.run(cmd);
                StringBuilder ourOut = new StringBuilder();
                StringBuilder ourErr = new StringBuilder();
                int status = shell.runScript(cmd, ourOut, ourErr);
                // the other side's ovs-appctl dpif/show may change after ports are used; re-read cheaply
                String expected = TraceNormaliser.normalise(r.out(), realDp) + "|err:" + TraceNormaliser.err(r.err())
                        + "|rc:" + r.status();
                String actual = TraceNormaliser.normalise(ourOut.toString(), ourDpOut.toString()) + "|err:"
                        + TraceNormaliser.err(ourErr.toString()) + "|rc:" + status;
                total++;
                String em = TraceNormaliser.megaflow(r.out());
                if (!em.isEmpty()) {
                    megaTotal++;
                    if (em.equals(TraceNormaliser.megaflow(ourOut.toString()))) {
                        mega++;
                    }
                }
                if (TraceNormaliser.withoutMegaflow(expected).equals(TraceNormaliser.withoutMegaflow(actual))) {
                    same++;
                } else {
                    diffs.add("### " + c.name() + ": " + cmd + "\n--- real\n" + expected + "\n--- ours\n" + actual);
                }
            }
        }
        System.out.println("TRACE DIFFERENTIAL: " + same + "/" + total + " agree; Megaflow " + mega + "/" + megaTotal);
        Files.writeString(Path.of("target/trace-diffs.txt"), String.join("\n\n", diffs));
        assertThat(diffs).as(same + "/" + total + " agree; first diffs in target/trace-diffs.txt").isEmpty();
    }
}
