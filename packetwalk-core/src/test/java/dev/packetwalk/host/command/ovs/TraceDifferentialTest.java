package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.ovs.RealOvs;
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
 * Differential test of {@code ovs-appctl ofproto/trace}, {@code fdb/show}, learned flows, real
 * packets ({@code netdev-dummy/receive}) with their counters, and timeouts: the same bridges and
 * flows, set up by the same {@code ovs-vsctl} and {@code ovs-ofctl add-flow} lines through our
 * shell and in a private real OVS 3.1 whose datapath tunnels for real
 * ({@link RealOvs.Mode#DUMMY_TUNNELS}, kernel-style tunnel actions, clock stopped); the same
 * commands; outputs compared after normalising datapath port numbers (through each side's
 * dpif/show), flood order (as sets of outputs, each with the header state it leaves with),
 * recirculation ids, fdb ages, and the hash order of flows inside one classifier subtable in
 * dumps ({@link DumpOrder}). Durations, idle_age, hard_age and counters are compared exactly: both
 * clocks only move with {@code @sleep}. Megaflow lines are counted apart.
 *
 * <p>Commands may name a datapath port as {@code @PORT} (resolved per side through dpif/show);
 * {@code @learned BR TABLE} compares both sides' {@code ovs-ofctl dump-flows --no-stats BR table=N}
 * (as sorted lines); {@code @sleep MS} is {@code ovs-appctl time/warp MS} on the real switch and
 * {@code sleep} on ours. {@code -Dtrace.only=PREFIX} runs only the cases whose name starts so.
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
        cases.addAll(PacketCases.cases());
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
        int dumps;
        int dumpsSame;
        int others;
        int othersSame;
        final List<String> diffs = new ArrayList<>();
        final List<String> megaDiffs = new ArrayList<>();
        /** Every compared command with the real side's normalised output (target/trace-transcript.txt). */
        final StringBuilder transcript = new StringBuilder();

        @Override
        public String toString() {
            return "traces " + tracesSame + "/" + traces + ", Megaflow " + megaSame + "/" + mega + ", fdb rows "
                    + fdbRowsSame + "/" + fdbRows + ", learned-flow dumps " + learnedSame + "/" + learned
                    + ", dump-flows/dump-tables with stats " + dumpsSame + "/" + dumps
                    + ", packet/clock commands " + othersSame + "/" + others;
        }
    }

    @Test
    void traces_agree_with_real_ovs() throws Exception {
        Tally tally = new Tally();
        String only = System.getProperty("trace.only", "");
        for (Case c : cases()) {
            if (c.name().startsWith(only)) {
                runCase(c, tally);
            }
        }
        System.out.println("TRACE DIFFERENTIAL: " + tally);
        Files.writeString(Path.of("target/trace-diffs.txt"), String.join("\n\n", tally.diffs));
        Files.writeString(Path.of("target/trace-transcript.txt"), tally.transcript);
        Files.writeString(Path.of("target/megaflow-diffs.txt"), String.join("\n", tally.megaDiffs));
        assertThat(tally.diffs).as(tally + "; diffs in target/trace-diffs.txt").isEmpty();
    }

    private static void runCase(Case c, Tally tally) throws Exception {
        real.reset();
        String flowLines = addFlowLines(c);
        RealOvs.Result setup = real.run(real.adapt(c.topology()) + "\n" + flowLines);
        assertThat(setup.status()).as(c.name() + " setup: " + setup.err()).isEqualTo(0);
        real.kernelTunnels(c.flows().keySet().iterator().next());
        Host host = Hosts.dummyDatapath("h");
        Shell shell = new Shell(host);
        StringBuilder err = new StringBuilder();
        int setupStatus = shell.runScript(c.topology() + "\n" + flowLines, new StringBuilder(), err);
        assertThat(err.toString()).as(c.name()).isEmpty();
        assertThat(setupStatus).as(c.name()).isEqualTo(0);
        String realDp = real.run("ovs-appctl dpif/show").out();
        StringBuilder ourDp = new StringBuilder();
        shell.runScript("ovs-appctl dpif/show", ourDp, new StringBuilder());
        for (String cmd : c.commands()) {
            if (cmd.startsWith("@learned ")) {
                compareLearned(c, cmd, shell, tally);
                continue;
            }
            if (cmd.startsWith("@sleep ")) {
                long ms = Long.parseLong(cmd.substring(7));
                RealOvs.Result w = real.run("ovs-appctl time/warp " + ms);
                assertThat(w.status()).as(c.name() + " " + cmd + ": " + w.err()).isEqualTo(0);
                assertThat(shell.runScript("sleep " + ms / 1000.0, new StringBuilder(), new StringBuilder()))
                        .as(c.name() + " " + cmd).isEqualTo(0);
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
            Kind kind = Kind.of(cmd);
            if (kind == Kind.DUMP) {
                expected = DumpOrder.canonical(expected);
                actual = DumpOrder.canonical(actual);
            }
            switch (kind) {
                case FDB -> countFdb(r.out(), ourOut.toString(), tally);
                case TRACE -> countMegaflow(cmd, r.out(), ourOut.toString(), tally);
                case DUMP -> tally.dumps++;
                case OTHER -> tally.others++;
            }
            tally.transcript.append("### ").append(c.name()).append(": ").append(cmd).append('\n').append(expected)
                    .append('\n');
            if (TraceNormaliser.withoutMegaflow(expected).equals(TraceNormaliser.withoutMegaflow(actual))) {
                switch (kind) {
                    case TRACE -> tally.tracesSame++;
                    case DUMP -> tally.dumpsSame++;
                    case OTHER -> tally.othersSame++;
                    case FDB -> { }
                }
            } else {
                tally.diffs.add("### " + c.name() + ": " + cmd + "\n--- real\n" + expected + "\n--- ours\n" + actual);
            }
        }
    }

    /** What a command is, for the tally. */
    enum Kind {
        TRACE, FDB, DUMP, OTHER;

        static Kind of(String cmd) {
            if (cmd.contains("fdb/show")) {
                return FDB;
            }
            if (cmd.contains("ofproto/trace")) {
                return TRACE;
            }
            return cmd.startsWith("ovs-ofctl dump-") ? DUMP : OTHER;
        }
    }

    private static void countMegaflow(String cmd, String realOut, String ourOut, Tally tally) {
        tally.traces++;
        String em = TraceNormaliser.megaflow(realOut);
        if (!em.isEmpty()) {
            tally.mega++;
            String om = TraceNormaliser.megaflow(ourOut);
            if (em.equals(om)) {
                tally.megaSame++;
            } else {
                tally.megaDiffs.add(cmd + "\n  real " + em + "  ours " + om);
            }
        }
    }

    /** The same {@code ovs-ofctl add-flow BR 'FLOW'} lines for both sides. */
    static String addFlowLines(Case c) {
        StringBuilder sb = new StringBuilder();
        for (var e : c.flows().entrySet()) {
            for (String f : e.getValue()) {
                sb.append("ovs-ofctl add-flow ").append(e.getKey()).append(" '").append(f).append("'\n");
            }
        }
        return sb.toString();
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

    /** Both sides' {@code ovs-ofctl dump-flows --no-stats BR table=N}, compared as sorted lines. */
    private static void compareLearned(Case c, String cmd, Shell shell, Tally tally) throws Exception {
        String[] w = cmd.split(" ");
        String dump = "ovs-ofctl dump-flows --no-stats " + w[1] + " table=" + w[2];
        List<String> expected = new ArrayList<>(real.run(dump).out().lines().toList());
        StringBuilder ours = new StringBuilder();
        shell.runScript(dump, ours, new StringBuilder());
        List<String> actual = new ArrayList<>(ours.toString().lines().toList());
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
