package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.ovs.RealOvs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs ovs-ofctl scripts line by line through real OVS (one bash run per script) and through
 * Packetwalk, and normalises only what is run-specific: durations, ages, log timestamps, and
 * the order of flow lines within one table of a dump (OVS's hash order).
 */
final class OfctlScripts {
    private static final Pattern TABLE = Pattern.compile("table=(\\d+)");

    private OfctlScripts() {
    }

    static String real(RealOvs ovs, List<String> lines) throws Exception {
        StringBuilder script = new StringBuilder();
        for (String line : lines) {
            script.append("{ ").append(line).append(" ; } >\"$OVS_RUNDIR/o\" 2>\"$OVS_RUNDIR/e\"; rc=$?; ")
                    .append("printf '$ %s\\n' ").append(quote(line)).append("; cat \"$OVS_RUNDIR/o\"; echo '--err';")
                    .append(" cat \"$OVS_RUNDIR/e\"; echo \"--rc $rc\"\n");
        }
        return ovs.run(script.toString()).out();
    }

    static String ours(Shell shell, List<String> lines) {
        StringBuilder all = new StringBuilder();
        for (String line : lines) {
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            int rc = shell.runLine(line, out, err);
            all.append("$ ").append(line).append('\n').append(out).append("--err\n").append(err).append("--rc ")
                    .append(rc).append('\n');
        }
        return all.toString();
    }

    static Shell newShell() {
        return new Shell(Hosts.dummyDatapath("h"));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String normalise(String text) {
        String t = text.replaceAll("duration=[0-9.]+s", "duration=<d>")
                .replaceAll("idle_age=\\d+", "idle_age=<a>")
                .replaceAll("hard_age=\\d+, ", "")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\|", "<time>|");
        String[] lines = t.split("\n", -1);
        StringBuilder out = new StringBuilder();
        List<String> group = new ArrayList<>();
        String groupKey = null;
        for (String l : lines) {
            String key = l.startsWith(" ") && l.contains("actions=") ? tableOf(l) : null;
            if (key == null || !key.equals(groupKey)) {
                flush(group, out);
                groupKey = key;
            }
            if (key == null) {
                out.append(l).append('\n');
            } else {
                group.add(l);
            }
        }
        flush(group, out);
        return out.toString();
    }

    private static String tableOf(String line) {
        Matcher m = TABLE.matcher(line);
        return m.find() ? m.group(1) : "0";
    }

    private static void flush(List<String> group, StringBuilder out) {
        group.sort(null);
        for (String g : group) {
            out.append(g).append('\n');
        }
        group.clear();
    }

    /** The first differing region of two normalised transcripts, or null when equal. */
    static String diff(String real, String ours) {
        String x = normalise(real);
        String y = normalise(ours);
        if (x.equals(y)) {
            return null;
        }
        String[] xl = x.split("\n", -1);
        String[] yl = y.split("\n", -1);
        int k = 0;
        while (k < Math.min(xl.length, yl.length) && xl[k].equals(yl[k])) {
            k++;
        }
        int from = Math.max(0, k - 4);
        return "REAL:\n" + String.join("\n", java.util.Arrays.copyOfRange(xl, from, Math.min(xl.length, k + 5)))
                + "\nOURS:\n" + String.join("\n", java.util.Arrays.copyOfRange(yl, from, Math.min(yl.length, k + 5)));
    }
}
