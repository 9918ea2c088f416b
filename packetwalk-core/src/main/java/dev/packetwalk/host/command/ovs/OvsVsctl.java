package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.ovs.db.OvsDb;
import dev.packetwalk.ovs.db.OvsDbException;
import dev.packetwalk.ovs.db.RecordPrinter;
import dev.packetwalk.ovs.db.TableStyle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ovs-vsctl}: global options, then commands separated by {@code --}; the whole command
 * line is one database transaction, and its output appears only once it has committed.
 */
public final class OvsVsctl implements Command {
    private static final Map<String, VsctlVerb> VERBS = new LinkedHashMap<>();
    private static final Set<String> GLOBAL_OPTIONS = Set.of("--no-wait", "--bare", "--oneline",
            "--dry-run", "--no-syslog", "--retry");
    private static final Set<String> STYLE_OPTIONS = Set.of("--format", "-f", "--data", "-d", "--no-headings");
    private static final String LOG_DIR = "/var/log/openvswitch";

    static {
        Stream.concat(VsctlSwitchVerbs.all().stream(), VsctlTableVerbs.all().stream())
                .forEach(v -> VERBS.put(v.name(), v));
    }

    private static TableStyle styled(TableStyle style, String option, String value) {
        return switch (option) {
            case "--format", "-f" -> style.withLayout(TableStyle.layout(value));
            case "--data", "-d" -> style.withCells(TableStyle.cells(value));
            default -> style.withHeadings(false);
        };
    }

    /** One {@code --}-separated command: its options, its name and its arguments. */
    private record Step(Map<String, String> options, VsctlVerb verb, List<String> args) {
    }

    @Override
    public int run(Invocation inv) {
        try {
            return execute(inv);
        } catch (OvsDbException e) {
            if (!e.getMessage().isEmpty()) {
                inv.errln("ovs-vsctl: " + e.getMessage());
            }
            return e.status();
        }
    }

    private int execute(Invocation inv) {
        List<String> args = inv.args();
        Set<String> global = new java.util.HashSet<>();
        TableStyle style = TableStyle.standard();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("--")) {
            String opt = args.get(i);
            String name = opt.contains("=") ? opt.substring(0, opt.indexOf('=')) : opt;
            if (STYLE_OPTIONS.contains(name)) {
                String value = opt.contains("=") ? opt.substring(opt.indexOf('=') + 1)
                        : name.startsWith("--no") ? "" : i + 1 < args.size() ? args.get(++i) : "";
                style = styled(style, name, value);
                i++;
                continue;
            }
            if (GLOBAL_OPTIONS.contains(name) || name.equals("--timeout") || name.equals("--db") || name.equals("-t")) {
                global.add(name);
                if (name.equals("--bare")) {
                    style = TableStyle.bare();
                }
                if (name.equals("-t")) {
                    i++;
                }
                i++;
                continue;
            }
            break;
        }
        List<Step> steps = parse(args.subList(i, args.size()), global);
        if (steps.isEmpty()) {
            throw new OvsDbException("missing command name (use --help for help)");
        }
        OvsDb db = inv.host().vswitch().db();
        StringBuilder out = new StringBuilder();
        Map<String, dev.packetwalk.ovs.db.Uuid> symbols = new HashMap<>();
        boolean wait = !global.contains("--no-wait");
        RecordPrinter tables = new RecordPrinter(global.contains("--bare") ? TableStyle.bare() : style);
        OvsDb.Commit commit = db.transact(wait, () -> {
            for (Step s : steps) {
                s.verb().action().run(new VsctlContext(db, s.options(), symbols, out, tables), s.args());
                db.collectGarbage();
            }
        });
        inv.print(out.toString());
        for (String error : commit.newInterfaceErrors()) {
            inv.errln("ovs-vsctl: " + error);
        }
        if (!commit.newInterfaceErrors().isEmpty()) {
            inv.errln("ovs-vsctl: The default log directory is \"" + LOG_DIR + "\".");
        }
        return 0;
    }

    private static List<Step> parse(List<String> args, Set<String> global) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            if (args.get(i).equals("--")) {
                i++;
                continue;
            }
            Map<String, String> options = new HashMap<>();
            while (i < args.size() && args.get(i).startsWith("--") && !args.get(i).equals("--")) {
                String opt = args.get(i++);
                int eq = opt.indexOf('=');
                String name = eq < 0 ? opt : opt.substring(0, eq);
                if (GLOBAL_OPTIONS.contains(name)) {
                    global.add(name);
                    continue;
                }
                options.put(name, eq < 0 ? "" : opt.substring(eq + 1));
            }
            if (i >= args.size() || args.get(i).equals("--")) {
                throw new OvsDbException("missing command name (use --help for help)");
            }
            String name = args.get(i++);
            VsctlVerb verb = VERBS.get(name);
            if (verb == null) {
                throw new OvsDbException("unknown command '" + name + "'; use --help for help");
            }
            for (String opt : options.keySet()) {
                if (!verb.options().contains(opt)) {
                    throw new OvsDbException("'" + name + "' command has no '" + opt + "' option");
                }
            }
            List<String> verbArgs = new ArrayList<>();
            while (i < args.size() && !args.get(i).equals("--")) {
                verbArgs.add(args.get(i++));
            }
            if (verbArgs.size() < verb.minArgs()) {
                throw new OvsDbException("'" + name + "' command requires at least " + verb.minArgs() + " arguments");
            }
            if (verbArgs.size() > verb.maxArgs()) {
                throw new OvsDbException("'" + name + "' command takes at most " + verb.maxArgs() + " arguments");
            }
            steps.add(new Step(options, verb, verbArgs));
        }
        return steps;
    }
}
