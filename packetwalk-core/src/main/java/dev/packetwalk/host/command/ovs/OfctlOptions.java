package dev.packetwalk.host.command.ovs;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.ofproto.FlowSort;

import java.util.ArrayList;
import java.util.List;

/**
 * ovs-ofctl's global options, which may appear anywhere on the command line (getopt permutes):
 * {@code -O}/{@code --protocols}, {@code --strict}, {@code --no-stats}, {@code --sort}/{@code
 * --rsort}, {@code --names}/{@code --no-names}, {@code --read-only} and the ignored
 * {@code --timeout}. What is left are the command and its arguments.
 */
final class OfctlOptions {
    Protocol protocol = Protocol.OPENFLOW10;
    boolean strict;
    boolean stats = true;
    boolean names;
    final List<FlowSort> sort = new ArrayList<>();
    final List<String> words = new ArrayList<>();

    /** Thrown with the message ovs-ofctl prints after {@code ovs-ofctl: }. */
    static final class BadOption extends Exception {
        BadOption(String message) {
            super(message, null, false, false);
        }
    }

    static OfctlOptions parse(List<String> args) throws BadOption {
        OfctlOptions o = new OfctlOptions();
        boolean operandsOnly = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (operandsOnly || !a.startsWith("-") || a.equals("-")) {
                o.words.add(a);
            } else if (a.equals("--")) {
                operandsOnly = true;
            } else if (a.equals("-O") || a.equals("--protocols")) {
                if (i + 1 >= args.size()) {
                    throw new BadOption("option '" + a + "' requires an argument");
                }
                o.protocol = protocols(args.get(++i));
            } else if (a.startsWith("--protocols=")) {
                o.protocol = protocols(a.substring("--protocols=".length()));
            } else if (a.startsWith("-O")) {
                o.protocol = protocols(a.substring(2));
            } else if (a.startsWith("--")) {
                o.longOption(a);
            } else {
                throw new BadOption("invalid option -- '" + a.charAt(1) + "'");
            }
        }
        return o;
    }

    private void longOption(String a) throws BadOption {
        int eq = a.indexOf('=');
        String name = eq < 0 ? a : a.substring(0, eq);
        String value = eq < 0 ? null : a.substring(eq + 1);
        switch (name) {
            case "--strict" -> strict = true;
            case "--no-stats" -> stats = false;
            case "--stats" -> stats = true;
            case "--names" -> names = true;
            case "--no-names" -> names = false;
            case "--read-only", "--timeout", "--readd", "--bundle" -> {
                // accepted; they change nothing the emulator shows
            }
            case "--sort", "--rsort" -> sort.add(new FlowSort(sortField(value), name.equals("--sort")));
            default -> throw new BadOption("unrecognized option '" + a + "'");
        }
    }

    private static Field sortField(String value) throws BadOption {
        if (value == null) {
            return null;
        }
        Field f = Field.byName(value);
        if (f == null) {
            throw new BadOption(value + ": unknown field name");
        }
        return f;
    }

    /** {@code OpenFlow10}, {@code OpenFlow13} or a list; the highest listed version is used. */
    private static Protocol protocols(String list) throws BadOption {
        Protocol best = null;
        for (String v : list.split(",")) {
            String name = v.strip();
            Protocol p = Protocol.fromOption(name);
            if (p == null) {
                if (!name.matches("OpenFlow1[0-5]")) {
                    throw new BadOption("Unknown OpenFlow version: \"" + name + "\"");
                }
                throw new BadOption("OpenFlow version " + name + " is not emulated (use OpenFlow10 or OpenFlow13)");
            }
            if (best == null || p.ordinal() > best.ordinal()) {
                best = p;
            }
        }
        return best == null ? Protocol.OPENFLOW10 : best;
    }
}
