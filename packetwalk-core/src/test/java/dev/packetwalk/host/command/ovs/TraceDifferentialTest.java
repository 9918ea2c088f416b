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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of {@code ovs-appctl ofproto/trace}, {@code fdb/show} and learned flows: the
 * same bridges and flows in the emulator and in a private real OVS 3.1 whose datapath tunnels for
 * real ({@link RealOvs.Mode#DUMMY_TUNNELS}, kernel-style tunnel actions); the same commands;
 * outputs compared after normalising datapath port numbers (through each side's dpif/show),
 * flood order (as sets of outputs, each with the header state it leaves with), recirculation ids
 * and ages. Megaflow lines are counted apart.
 *
 * <p>Commands may name a datapath port as {@code @PORT} (resolved per side through dpif/show), and
 * {@code @learned BR TABLE} compares a table's flows as {@code ovs-ofctl dump-flows --no-stats}
 * prints them (as sorted lines).
 */
class TraceDifferentialTest {
    private static final Pattern DP_REF = Pattern.compile("@([A-Za-z][\\w-]*)");
    private static RealOvs real;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(RealOvs.available(), "real OVS 3.1 is not installed");
        real = RealOvs.start(RealOvs.Mode.DUMMY_TUNNELS);
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

    static List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>(CaptureCases.cases());
        cases.addAll(NeutronCases.generate(7, 12, 50));
        return cases;
    }

    /** Counts per kind of command. */
    static final class Tally {
        int traces;
        int tracesSame;
        int mega;
        int megaSame;
        int fdbRows;
        int fdbRowsSame;
        int learned;
        int learnedSame;
        final List<String> diffs = new ArrayList<>();
        final List<String> megaDiffs = new ArrayList<>();

        @Override
        public String toString() {
            return "traces " + tracesSame + "/" + traces + ", Megaflow " + megaSame + "/" + mega + ", fdb rows "
                    + fdbRowsSame + "/" + fdbRows + ", learned-flow dumps " + learnedSame + "/" + learned;
        }
    }

    @Test
    void traces_agree_with_real_ovs() throws Exception {
        Tally tally = new Tally();
        for (Case c : cases()) {
            runCase(c, tally);
        }
        System.out.println("TRACE DIFFERENTIAL: " + tally);
        Files.writeString(Path.of("target/trace-diffs.txt"), String.join("\n\n", tally.diffs));
        Files.writeString(Path.of("target/megaflow-diffs.txt"), String.join("\n", tally.megaDiffs));
        assertThat(tally.diffs).as(tally + "; diffs in target/trace-diffs.txt").isEmpty();
    }

    private static void runCase(Case c, Tally tally) throws Exception {
        real.reset();
        StringBuilder realScript = new StringBuilder(real.adapt(c.topology())).append('\n');
        for (var e : c.flows().entrySet()) {
            for (String f : e.getValue()) {
                realScript.append("ovs-ofctl add-flow ").append(e.getKey()).append(" '").append(f).append("'\n");
            }
        }
        RealOvs.Result setup = real.run(realScript.toString());
        assertThat(setup.status()).as(c.name() + " setup: " + setup.err()).isEqualTo(0);
        real.kernelTunnels(c.flows().keySet().iterator().next());
        Host host = Hosts.bare("h");
        Shell shell = new Shell(host);
        StringBuilder err = new StringBuilder();
        shell.runScript(c.topology(), new StringBuilder(), err);
        assertThat(err.toString()).as(c.name()).isEmpty();
        for (var e : c.flows().entrySet()) {
            Bridge b = host.vswitch().bridge(e.getKey()).orElseThrow();
            for (String f : e.getValue()) {
                FlowMod mod = FlowModText.parse(f, Protocol.OPENFLOW10, b, new ArrayList<>());
                b.table(mod.table()).insert(new Rule(mod, host.clock().nanos()));
            }
        }
        String realDp = real.run("ovs-appctl dpif/show").out();
        StringBuilder ourDp = new StringBuilder();
        shell.runScript("ovs-appctl dpif/show", ourDp, new StringBuilder());
        for (String cmd : c.commands()) {
            if (cmd.startsWith("@learned ")) {
                compareLearned(c, cmd, host, tally);
                continue;
            }
            RealOvs.Result r = real.run(resolve(cmd, realDp));
            StringBuilder ourOut = new StringBuilder();
            StringBuilder ourErr = new StringBuilder();
            int status = shell.runScript(resolve(cmd, ourDp.toString()), ourOut, ourErr);
            String expected = TraceNormaliser.normalise(r.out(), realDp) + "|err:" + TraceNormaliser.err(r.err(), realDp)
                    + "|rc:" + r.status();
            String actual = TraceNormaliser.normalise(ourOut.toString(), ourDp.toString()) + "|err:"
                    + TraceNormaliser.err(ourErr.toString(), ourDp.toString()) + "|rc:" + status;
            if (cmd.contains("fdb/show")) {
                countFdb(r.out(), ourOut.toString(), tally);
            } else {
                tally.traces++;
                String em = TraceNormaliser.megaflow(r.out());
                if (!em.isEmpty()) {
                    tally.mega++;
                    String om = TraceNormaliser.megaflow(ourOut.toString());
                    if (em.equals(om)) {
                        tally.megaSame++;
                    } else {
                        tally.megaDiffs.add(cmd + "\n  real " + em + "  ours " + om);
                    }
                }
            }
            if (TraceNormaliser.withoutMegaflow(expected).equals(TraceNormaliser.withoutMegaflow(actual))) {
                if (!cmd.contains("fdb/show")) {
                    tally.tracesSame++;
                }
            } else {
                tally.diffs.add("### " + c.name() + ": " + cmd + "\n--- real\n" + expected + "\n--- ours\n" + actual);
            }
        }
    }

    /** {@code @PORT} → the datapath port number that side's dpif/show gives PORT. */
    static String resolve(String cmd, String dpifShow) {
        Matcher m = DP_REF.matcher(cmd);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Matcher line = Pattern.compile("(?m)^\\s+" + Pattern.quote(m.group(1)) + " \\d+/(\\d+):").matcher(dpifShow);
            m.appendReplacement(sb, line.find() ? line.group(1) : m.group());
        }
        return m.appendTail(sb).toString();
    }

    private static void countFdb(String realOut, String ourOut, Tally tally) {
        List<String> ours = List.of(TraceNormaliser.ageless(ourOut).split("\n"));
        for (String row : TraceNormaliser.ageless(realOut).split("\n")) {
            if (row.isEmpty() || row.startsWith(" port")) {
                continue;
            }
            tally.fdbRows++;
            if (ours.contains(row)) {
                tally.fdbRowsSame++;
            }
        }
    }

    private static void compareLearned(Case c, String cmd, Host host, Tally tally) throws Exception {
        String[] w = cmd.split(" ");
        RealOvs.Result r = real.run("ovs-ofctl dump-flows --no-stats " + w[1] + " table=" + w[2]);
        List<String> expected = new ArrayList<>(r.out().lines().toList());
        Bridge b = host.vswitch().bridge(w[1]).orElseThrow();
        List<String> actual = new ArrayList<>();
        for (Rule rule : b.table(Integer.parseInt(w[2])).rules()) {
            actual.add(" " + FlowModText.formatNoStats(rule.mod(), Protocol.OPENFLOW10, null));
        }
        expected.sort(null);
        actual.sort(null);
        tally.learned++;
        if (expected.equals(actual)) {
            tally.learnedSame++;
        } else {
            tally.diffs.add("### " + c.name() + ": " + cmd + "\n--- real\n" + String.join("\n", expected)
                    + "\n--- ours\n" + String.join("\n", actual));
        }
    }
}
