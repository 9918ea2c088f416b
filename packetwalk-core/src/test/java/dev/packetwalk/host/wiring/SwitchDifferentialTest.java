package dev.packetwalk.host.wiring;

import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pings between namespaces across an OVS bridge, the same script through real OVS (userspace
 * datapath, private namespaces; see {@link RealSwitch}) and through Packetwalk's Shell (kernel
 * datapath flavour): ping output with times removed, {@code dump-flows} with durations and ages
 * removed (n_packets and n_bytes compared exactly), {@code fdb/show} with ages removed.
 * {@code ip link} of the OVS devices is not compared: the netdev datapath's devices are taps.
 */
class SwitchDifferentialTest {
    private static final List<String> SUMMARY = new ArrayList<>();

    static String normalise(String text) {
        String s = text.replaceAll("time=[0-9.]+ ms", "time=T ms")
                .replaceAll("received, (\\+\\d+ errors, )?(\\d+% packet loss), time \\d+ms", "received, $1$2, time Tms")
                .replaceAll("rtt min/avg/max/mdev = \\S+ ms", "rtt min/avg/max/mdev = R ms")
                .replaceAll("(?m)^(pipe \\d+)\n", "")
                .replaceAll("duration=[0-9.]+s", "duration=Ds")
                .replaceAll("idle_age=\\d+", "idle_age=A")
                .replaceAll("(?m)^(\\s+\\d+\\s+\\d+\\s+[0-9a-f:]{17})\\s+\\d+$", "$1    AGE")
                .replaceAll("\n+$", "\n");
        return sortFdbRows(s);
    }

    /**
     * With the ages masked, the order of {@code fdb/show} rows (least recently used first) says
     * only when each MAC was last refreshed; the real switch refreshes an entry only once it is
     * over a second old, so that order follows the real pings' sub-second timing. Rows are
     * compared as a set.
     */
    private static String sortFdbRows(String s) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        for (int i = 0; i < lines.size(); ) {
            int j = i;
            while (j < lines.size() && lines.get(j).endsWith("    AGE")) {
                j++;
            }
            if (j > i + 1) {
                java.util.Collections.sort(lines.subList(i, j));
            }
            i = Math.max(j, i + 1);
        }
        return String.join("\n", lines);
    }

    private static String script(String name) {
        return switch (name) {
            case "normal" -> SwitchScripts.NORMAL;
            case "vlans" -> SwitchScripts.VLANS;
            case "drop" -> SwitchScripts.DROP;
            case "router" -> SwitchScripts.ROUTER;
            default -> throw new IllegalArgumentException(name);
        } + SwitchScripts.SHOW;
    }

    @ParameterizedTest
    @ValueSource(strings = {"normal", "vlans", "drop", "router"})
    void sameAsRealOvs(String name) throws Exception {
        Assumptions.assumeTrue(RealSwitch.available(), "real OVS, unshare, ping or /dev/net/tun missing");
        String script = script(name);
        String real = normalise(RealSwitch.run(RealSwitch.adapt(script)));
        Assumptions.assumeFalse(real.contains("could not") && real.contains("ovs-vswitchd"),
                "the real switch did not start: " + real);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        new Shell(Hosts.unshared("h")).runScript(script, out, err);
        String ours = normalise(out.toString() + err);
        String[] r = real.split("\n");
        String[] o = ours.split("\n");
        int agree = 0;
        for (int i = 0; i < Math.min(r.length, o.length); i++) {
            agree += r[i].equals(o[i]) ? 1 : 0;
        }
        String line = name + ": " + agree + "/" + r.length + " output lines agree with real OVS (netdev datapath)";
        SUMMARY.add(line);
        System.out.println(line);
        assertThat(ours).isEqualTo(real);
    }

    @AfterAll
    static void summary() {
        System.out.println("switch differential: " + String.join("; ", SUMMARY));
    }
}
