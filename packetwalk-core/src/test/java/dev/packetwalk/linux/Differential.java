package dev.packetwalk.linux;

import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same command lines through the real tools and through Packetwalk and compares,
 * command by command, what each printed (stdout and stderr) and its exit status.
 */
final class Differential {
    private static final String MARK = "@@pw-status=";
    /** A line only the real run executes (waiting for the kernel's asynchronous work). */
    static final String REAL_ONLY = "#real ";

    /** One command's outcome in both worlds. */
    record Outcome(String command, String real, String ours) {
        boolean agrees() {
            return normalize(real).equals(normalize(ours));
        }
    }

    /** IPv6 per-device kernel routes that share one prefix; their order is racy in the kernel. */
    private static final List<String> RACY_RUNS = List.of("fe80::/64 dev ", "multicast ff00::/8 dev ");

    /**
     * Removes what is run-specific and only that: the kernel configures IPv6 on devices from
     * its asynchronous linkwatch work, so the order of the per-device {@code fe80::/64} and
     * {@code ff00::/8} routes among themselves varies between runs. Such runs are sorted.
     */
    static String normalize(String text) {
        String[] lines = text.split("\n", -1);
        for (String prefix : RACY_RUNS) {
            int i = 0;
            while (i < lines.length) {
                int j = i;
                while (j < lines.length && lines[j].startsWith(prefix)) {
                    j++;
                }
                if (j > i + 1) {
                    java.util.Arrays.sort(lines, i, j);
                }
                i = Math.max(j, i + 1);
            }
        }
        return String.join("\n", lines);
    }

    private Differential() {
    }

    static List<Outcome> compare(List<String> commands) {
        return compare(commands, realParts(commands));
    }

    /** The compared commands of {@code commands} (those not only for the real run). */
    static List<String> compared(List<String> commands) {
        return commands.stream().filter(c -> !c.startsWith(REAL_ONLY)).toList();
    }

    /** Runs {@code commands} through the real tools; one output (with its status mark) per compared command. */
    static List<String> realParts(List<String> commands) {
        StringBuilder script = new StringBuilder();
        for (String c : commands) {
            if (c.startsWith(REAL_ONLY)) {
                script.append(c.substring(REAL_ONLY.length())).append('\n');
                continue;
            }
            script.append(c).append(" 2>&1; echo \"").append(MARK).append("$?\"\n");
        }
        return split(RealKernel.run(script.toString()));
    }

    /** Runs {@code commands} through a fresh Packetwalk host and pairs each output with the real one. */
    static List<Outcome> compare(List<String> commands, List<String> realParts) {
        List<String> compared = compared(commands);
        Shell shell = new Shell(Hosts.unshared("h"));
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            StringBuilder o = new StringBuilder();
            StringBuilder e = new StringBuilder();
            int status = shell.runLine(compared.get(i), o, e);
            String ours = o.toString() + e + MARK + status + "\n";
            String r = i < realParts.size() ? realParts.get(i) : "(missing)";
            out.add(new Outcome(compared.get(i), r, ours));
        }
        return out;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int at;
        while ((at = text.indexOf(MARK, start)) >= 0) {
            int end = text.indexOf('\n', at) + 1;
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    /** A readable account of the disagreements (at most {@code max}). */
    static String report(List<Outcome> outcomes, int max) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (Outcome o : outcomes) {
            if (!o.agrees() && shown++ < max) {
                sb.append("$ ").append(o.command()).append("\n--- real\n").append(o.real())
                  .append("--- packetwalk\n").append(o.ours()).append('\n');
            }
        }
        return sb.toString();
    }

    static long agreeing(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::agrees).count();
    }
}
