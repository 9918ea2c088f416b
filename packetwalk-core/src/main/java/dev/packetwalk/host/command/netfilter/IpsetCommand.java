package dev.packetwalk.host.command.netfilter;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.ipset.Entry;
import dev.packetwalk.linux.ipset.IpSet;
import dev.packetwalk.linux.ipset.IpSetException;
import dev.packetwalk.linux.ipset.IpSetFamily;
import dev.packetwalk.linux.ipset.IpSetFormat;
import dev.packetwalk.linux.ipset.IpSetOptions;
import dev.packetwalk.linux.ipset.IpSetType;
import dev.packetwalk.linux.ipset.IpSets;

import java.util.ArrayList;
import java.util.List;

/** ipset 7.17: create, add, del, test, list, save, restore, flush, destroy, swap. */
public final class IpsetCommand implements Command {
    private static final String PREFIX = "ipset v7.17: ";

    private static final class Flags {
        boolean exist;
        boolean terse;
        boolean names;
    }

    @Override
    public int run(Invocation inv) {
        Flags flags = new Flags();
        List<String> words = new ArrayList<>();
        for (String a : inv.args()) {
            switch (a) {
                case "-exist", "-!", "--exist" -> flags.exist = true;
                case "-t", "-terse", "--terse" -> flags.terse = true;
                case "-n", "-name", "--name" -> flags.names = true;
                case "-q", "-quiet", "-s", "-sorted", "-o", "-output" -> {
                }
                default -> words.add(a);
            }
        }
        IpSets sets = NetfilterCommands.namespace(inv).ipsets();
        try {
            if (words.isEmpty()) {
                throw new IpSetException("No command specified: unknown argument -h");
            }
            String cmd = words.get(0);
            if (cmd.equals("restore") || cmd.equals("-R")) {
                return restore(inv, sets, flags);
            }
            return execute(inv, sets, flags, words);
        } catch (IpSetException e) {
            inv.errln(PREFIX + e.getMessage());
            return 1;
        }
    }

    private int execute(Invocation inv, IpSets sets, Flags flags, List<String> w) {
        String cmd = w.get(0);
        String name = w.size() > 1 ? w.get(1) : null;
        switch (cmd) {
            case "create", "n", "-N" -> create(sets, w, flags.exist);
            case "add", "a", "-A" -> {
                IpSet s = sets.require(need(name));
                s.add(IpSetFormat.parseEntry(s, need(w.size() > 2 ? w.get(2) : null)),
                        timeoutOption(w, 3), flags.exist);
            }
            case "del", "d", "-D" -> {
                IpSet s = sets.require(need(name));
                s.delete(IpSetFormat.parseEntry(s, need(w.size() > 2 ? w.get(2) : null)), flags.exist);
            }
            case "test", "t", "-T" -> {
                IpSet s = sets.require(need(name));
                Entry e = IpSetFormat.parseEntry(s, need(w.size() > 2 ? w.get(2) : null));
                String text = e.text(s.type());
                if (!s.test(e)) {
                    inv.errln(text + " is NOT in set " + s.name() + ".");
                    return 1;
                }
                inv.errln("Warning: " + text + " is in set " + s.name() + ".");
            }
            case "list", "l", "-L", "save", "s", "-S" -> {
                boolean save = cmd.startsWith("s") || cmd.equals("-S");
                List<IpSet> chosen = name == null ? sets.all() : List.of(sets.require(name));
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < chosen.size(); i++) {
                    IpSet s = chosen.get(i);
                    if (flags.names) {
                        sb.append(s.name()).append('\n');
                    } else if (save) {
                        sb.append(IpSetFormat.save(s));
                    } else {
                        sb.append(i > 0 ? "\n" : "").append(IpSetFormat.list(s, sets.references(s.name()), flags.terse));
                    }
                }
                inv.print(sb.toString());
            }
            case "flush", "f", "-F" -> {
                for (IpSet s : name == null ? sets.all() : List.of(sets.require(name))) {
                    s.flush();
                }
            }
            case "destroy", "x", "-X" -> sets.destroy(name);
            case "swap", "w", "-W" -> sets.swap(need(name), need(w.size() > 2 ? w.get(2) : null));
            case "version", "-v", "-V" -> inv.println("ipset v7.17, protocol version: 7");
            default -> throw new IpSetException("No command specified: unknown argument " + cmd);
        }
        return 0;
    }

    private static String need(String arg) {
        if (arg == null) {
            throw new IpSetException("Syntax error: missing mandatory argument");
        }
        return arg;
    }

    private static int timeoutOption(List<String> w, int from) {
        for (int i = from; i < w.size(); i++) {
            if (w.get(i).equals("timeout") && i + 1 < w.size()) {
                return number(w.get(i + 1), "timeout");
            }
        }
        return -1;
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IpSetException("Syntax error: '" + text + "' is invalid as number");
        }
    }

    private static void create(IpSets sets, List<String> w, boolean exist) {
        String name = need(w.size() > 1 ? w.get(1) : null);
        String typeName = need(w.size() > 2 ? w.get(2) : null);
        IpSetType type = IpSetType.named(typeName);
        if (type == null) {
            throw new IpSetException("Syntax error: typename '" + typeName + "' is unknown");
        }
        IpSetFamily family = null;
        int hashsize = 1024;
        int maxelem = 65536;
        int timeout = 0;
        for (int i = 3; i < w.size(); i++) {
            String opt = w.get(i);
            switch (opt) {
                case "family" -> {
                    String fam = need(i + 1 < w.size() ? w.get(++i) : null);
                    if (family != null) {
                        throw new IpSetException("Syntax error: family already specified");
                    }
                    family = IpSetFamily.named(fam);
                    if (family == null) {
                        throw new IpSetException("Syntax error: unknown inet family " + fam);
                    }
                }
                case "hashsize" -> hashsize = number(need(i + 1 < w.size() ? w.get(++i) : null), opt);
                case "maxelem" -> maxelem = number(need(i + 1 < w.size() ? w.get(++i) : null), opt);
                case "timeout" -> timeout = number(need(i + 1 < w.size() ? w.get(++i) : null), opt);
                case "bucketsize", "initval" -> i++;
                default -> throw new IpSetException("Syntax error: Unknown argument: `" + opt + "'");
            }
        }
        IpSetFamily f = family == null ? IpSetFamily.INET : family;
        sets.create(name, type, new IpSetOptions(f, hashsize, maxelem, timeout), exist);
    }

    private int restore(Invocation inv, IpSets sets, Flags flags) {
        String[] lines = inv.stdin().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("COMMIT")) {
                continue;
            }
            try {
                execute(inv, sets, flags, List.of(line.split("\\s+")));
            } catch (IpSetException e) {
                inv.errln(PREFIX + "Error in line " + (i + 1) + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }
}
