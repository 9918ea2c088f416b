package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.ovs.RealOvs;
import dev.packetwalk.ovs.db.OvsDb;
import dev.packetwalk.ovs.db.Row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs scripts (one shell line each) through Packetwalk and through a real OVS, many scripts
 * per bash process so that hundreds of them stay fast. Each script starts from an empty switch.
 *
 * <p>Every line's stdout, stderr and exit status are kept, plus, when its output shows UUIDs,
 * which row each UUID named at that moment ({@code <Port:p1>}), so that outputs can be compared
 * although the two worlds draw different UUIDs.
 *
 * <p>ovs-vswitchd sometimes writes interface errors in a status transaction that is rejected
 * once and retried 100 ms later. Packetwalk shows the state after the retry and says when one
 * happened ({@link OvsDb#statusRetriedAfterLastChange()}); the real script then waits for it.
 */
final class DifferentialRun {
    /** One line of a script as one world ran it. */
    record Line(String command, String out, String err, int status, Map<String, String> names) {
    }

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String[]> NAMED_TABLES = List.of(new String[] {"Bridge", "name"},
            new String[] {"Port", "name"}, new String[] {"Interface", "name"},
            new String[] {"Controller", "target"}, new String[] {"Manager", "target"});
    private static final int SCRIPTS_PER_BATCH = 40;

    private DifferentialRun() {
    }

    /** Runs each script on a fresh Packetwalk host; also says after which lines to let real OVS settle. */
    static List<List<Line>> ours(List<List<String>> scripts, List<List<Boolean>> settleAfter) {
        List<List<Line>> all = new ArrayList<>();
        for (List<String> script : scripts) {
            Host host = Hosts.dummyDatapath("h");
            Shell shell = new Shell(host);
            OvsDb db = host.vswitch().db();
            List<Line> lines = new ArrayList<>();
            List<Boolean> settle = new ArrayList<>();
            for (String command : script) {
                StringBuilder out = new StringBuilder();
                StringBuilder err = new StringBuilder();
                int status = shell.runLine(command, out, err);
                Map<String, String> names = UUID.matcher(out).find() ? names(db) : Map.of();
                lines.add(new Line(command, out.toString(), err.toString(), status, names));
                settle.add(db.statusRetriedAfterLastChange());
            }
            all.add(lines);
            settleAfter.add(settle);
        }
        return all;
    }

    private static Map<String, String> names(OvsDb db) {
        Map<String, String> names = new HashMap<>();
        names.put(db.root().uuid().toString(), "<Open_vSwitch>");
        for (String[] t : NAMED_TABLES) {
            for (Row r : db.rows(t[0])) {
                names.put(r.uuid().toString(), "<" + t[0] + ":" + r.string(t[1]) + ">");
            }
        }
        return names;
    }

    /** Runs the scripts through real OVS, resetting it before each. */
    static List<List<Line>> real(RealOvs ovs, List<List<String>> scripts, List<List<Boolean>> settleAfter)
            throws IOException, InterruptedException {
        List<List<Line>> all = new ArrayList<>();
        for (int from = 0; from < scripts.size(); from += SCRIPTS_PER_BATCH) {
            int to = Math.min(scripts.size(), from + SCRIPTS_PER_BATCH);
            String bash = batch(ovs, scripts.subList(from, to), settleAfter.subList(from, to));
            RealOvs.Result r = ovs.run(bash, 300);
            if (r.status() != 0) {
                throw new IOException("real OVS batch failed: " + r.err());
            }
            all.addAll(parse(r.out(), scripts.subList(from, to)));
        }
        return all;
    }

    private static String batch(RealOvs ovs, List<List<String>> scripts, List<List<Boolean>> settleAfter) {
        StringBuilder b = new StringBuilder();
        String t = ovs.dir().toString();
        b.append("T=").append(t).append('\n');
        b.append("names() { ovs-vsctl --bare get Open_vSwitch . _uuid --");
        String sep = "";
        for (String[] table : NAMED_TABLES) {
            b.append(sep).append(" --columns=_uuid,").append(table[1]).append(" list ").append(table[0]);
            sep = " -- get Open_vSwitch . _uuid --";
        }
        b.append("; }\n");
        // bash builtins only: a process per line besides the command itself would double the time
        b.append("export LC_ALL=C\nU='").append(UUID.pattern()).append("'\n");
        b.append("line() { IFS= read -r -d '' o <$T/o; IFS= read -r -d '' e <$T/e;"
                + " printf '@@@ %d %d %d\\n%s%s' \"$1\" \"${#o}\" \"${#e}\" \"$o\" \"$e\";"
                + " if [[ $o =~ $U ]]; then printf '@@@names\\n'; names;"
                + " printf '@@@end\\n'; fi; }\n");
        for (int s = 0; s < scripts.size(); s++) {
            b.append("ovs-vsctl -- del-manager -- clear Open_vSwitch . bridges"
                    + " -- clear Open_vSwitch . external_ids >/dev/null 2>&1\n");
            for (int i = 0; i < scripts.get(s).size(); i++) {
                b.append("{ ").append(scripts.get(s).get(i)).append("\n} >$T/o 2>$T/e </dev/null; line $?\n");
                if (settleAfter.get(s).get(i)) {
                    b.append("sleep 0.15\n");
                }
            }
        }
        return b.toString();
    }

    private static List<List<Line>> parse(String text, List<List<String>> scripts) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] pos = {0};
        List<List<Line>> all = new ArrayList<>();
        for (List<String> script : scripts) {
            List<Line> lines = new ArrayList<>();
            for (String command : script) {
                String[] head = readLine(bytes, pos).split(" ");
                if (!head[0].equals("@@@") || head.length != 4) {
                    throw new IOException("unexpected real OVS output near byte " + pos[0] + ": " + String.join(" ", head));
                }
                String out = take(bytes, pos, Integer.parseInt(head[2]));
                String err = take(bytes, pos, Integer.parseInt(head[3]));
                Map<String, String> names = Map.of();
                if (pos[0] < bytes.length && text(bytes, pos[0], 9).equals("@@@names\n")) {
                    readLine(bytes, pos);
                    names = parseNames(bytes, pos);
                }
                lines.add(new Line(command, out, err, Integer.parseInt(head[1]), names));
            }
            all.add(lines);
        }
        return all;
    }

    /** The names block: the root UUID, then each table's (uuid, name) pairs, tables separated by the root UUID. */
    private static Map<String, String> parseNames(byte[] bytes, int[] pos) {
        List<String> values = new ArrayList<>();
        for (String l = readLine(bytes, pos); !l.equals("@@@end"); l = readLine(bytes, pos)) {
            if (!l.isEmpty()) {
                values.add(l);
            }
        }
        Map<String, String> names = new HashMap<>();
        String root = values.get(0);
        names.put(root, "<Open_vSwitch>");
        int table = 0;
        for (int i = 1; i < values.size(); i++) {
            String v = values.get(i);
            boolean pair = i + 1 < values.size() && !UUID.matcher(values.get(i + 1)).matches();
            if (v.equals(root) && !pair) {
                table++;
            } else if (pair) {
                names.put(v, "<" + NAMED_TABLES.get(table)[0] + ":" + unquote(values.get(i + 1)) + ">");
                i++;
            }
        }
        return names;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static String readLine(byte[] bytes, int[] pos) {
        int end = pos[0];
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        String l = new String(bytes, pos[0], end - pos[0], StandardCharsets.UTF_8);
        pos[0] = Math.min(bytes.length, end + 1);
        return l;
    }

    private static String take(byte[] bytes, int[] pos, int n) {
        String s = new String(bytes, pos[0], n, StandardCharsets.UTF_8);
        pos[0] += n;
        return s;
    }

    private static String text(byte[] bytes, int from, int n) {
        return new String(bytes, from, Math.min(n, bytes.length - from), StandardCharsets.UTF_8);
    }
}
