package dev.packetwalk.ovs.flowmod;

import dev.packetwalk.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.LogLine;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Golden round trips captured from real OVS 3.1 ({@code shared/reference/ovs-captures/flows*.out}):
 * each {@code IN} line is added with ovs-ofctl and dumped with {@code --no-stats}; we parse and
 * print it and must give the same {@code OUT}, the same stderr log ({@code MSG}) or the same error
 * ({@code ERR}).
 */
class CapturedRoundTripTest {
    static final PortNames BR0 = PortNames.of(Map.of("p1", 1, "p2", 2, "p3", 3, "p4", 4, "br0", 65534));

    /** One captured case. */
    record Case(String file, String in, String out, String msg, String err) {
    }

    static Path captures() {
        return SharedFiles.ovsCaptures();
    }

    static List<Case> read(String file) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(captures().resolve(file));
        String in = null;
        StringBuilder out = null;
        StringBuilder msg = null;
        StringBuilder err = null;
        StringBuilder cur = null;
        for (String l : lines) {
            if (l.startsWith("IN : ")) {
                if (in != null) {
                    cases.add(new Case(file, in, str(out), str(msg), str(err)));
                }
                in = l.substring(5);
                out = msg = err = cur = null;
            } else if (l.startsWith("OUT:")) {
                out = out == null ? new StringBuilder(l.substring(5)) : out.append('\n').append(l.substring(5));
                cur = null;
            } else if (l.startsWith("MSG: ")) {
                msg = cur = new StringBuilder(l.substring(5));
            } else if (l.startsWith("ERR: ")) {
                err = cur = new StringBuilder(l.substring(5));
            } else if (!l.isEmpty() && cur != null) {
                cur.append('\n').append(l);
            }
        }
        if (in != null) {
            cases.add(new Case(file, in, str(out), str(msg), str(err)));
        }
        return cases;
    }

    private static String str(StringBuilder sb) {
        return sb == null ? null : sb.toString();
    }

    /** Log lines without the timestamp and sequence number. */
    static String stripLog(String text) {
        return text.replaceAll("(?m)^\\d{4}-\\d\\d-\\d\\dT[\\d:]+Z\\|\\d+\\|", "");
    }

    static String logText(List<LogLine> log) {
        return String.join("\n", log.stream().map(LogLine::format).toList());
    }

    @TestFactory
    Stream<DynamicTest> capturedRoundTrips() throws IOException {
        assumeTrue(Files.isDirectory(captures()), "captures not found at " + captures());
        List<DynamicTest> tests = new ArrayList<>();
        for (String f : List.of("flows1.out", "flows2.out", "flows3.out", "flows4.out", "flows5.out", "flows6.out")) {
            Protocol p = f.equals("flows3.out") ? Protocol.OPENFLOW13 : Protocol.OPENFLOW10;
            for (Case c : read(f)) {
                tests.add(DynamicTest.dynamicTest(f + ": " + c.in(), () -> {
                    try {
                        check(c, p);
                    } catch (AssertionError | RuntimeException e) {
                        throw new AssertionError(f + ": " + c.in() + ": " + e.getMessage(), e);
                    }
                }));
            }
        }
        return tests.stream();
    }

    static void check(Case c, Protocol p) {
        List<LogLine> log = new ArrayList<>();
        if (c.err() != null) {
            String expected = stripLog(c.err());
            FlowSyntaxException e = catchError(c.in(), p, log);
            assertThat(e).as("expected error " + expected).isNotNull();
            if (e.ofpError() == null) {
                List<LogLine> all = new ArrayList<>(log);
                e.log().stream().filter(l -> !all.contains(l)).forEach(all::add);
                String ours = (all.isEmpty() ? "" : logText(all) + "\n") + "ovs-ofctl: " + e.getMessage();
                assertThat(ours).isEqualTo(expected);
            } else {
                // The switch rejected the flow: OVS prints the OpenFlow error and a hex dump of
                // the flow_mod we do not encode; compare the error code and the log lines.
                assertThat(expected).contains("OFPT_ERROR").contains(": " + e.ofpError());
                for (LogLine l : e.log()) {
                    assertThat(expected).contains(l.format());
                }
            }
            return;
        }
        FlowMod fm = FlowModText.parse(c.in(), p, BR0, log);
        assertThat(FlowModText.formatNoStats(fm, p, null)).isEqualTo(c.out());
        assertThat(logText(log)).isEqualTo(c.msg() == null ? "" : stripLog(c.msg()));
    }

    private static FlowSyntaxException catchError(String in, Protocol p, List<LogLine> log) {
        try {
            FlowModText.parse(in, p, BR0, log);
            return null;
        } catch (FlowSyntaxException e) {
            return e;
        }
    }
}
