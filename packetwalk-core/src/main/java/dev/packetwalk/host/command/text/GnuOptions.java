package dev.packetwalk.host.command.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command-line options the GNU getopt_long way: clustered short flags ({@code -vic}), short
 * options with attached or separate arguments ({@code -n5}, {@code -n 5}), long options with
 * {@code =} or a separate argument, options anywhere among operands, and {@code --}.
 */
final class GnuOptions {
    /** One option found: its key (the short letter, or the long name without a short one) and value. */
    record Option(String key, String value) {
    }

    /** Options in order, then operands. */
    record Parsed(List<Option> options, List<String> operands) {
    }

    /** A usage error; the message is getopt's ({@code invalid option -- 'y'}). */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    private final String shortSpec;
    private final Map<String, String> longToKey;

    /**
     * @param shortSpec getopt letters, a letter followed by ':' takes an argument
     * @param longToKey long option name (with a trailing '=' when it takes an argument) to key
     */
    GnuOptions(String shortSpec, Map<String, String> longToKey) {
        this.shortSpec = shortSpec;
        this.longToKey = longToKey;
    }

    Parsed parse(List<String> args) throws UsageError {
        List<Option> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            } else if (a.startsWith("--")) {
                i = parseLong(args, i, options);
            } else if (a.startsWith("-") && a.length() > 1) {
                i = parseShort(args, i, options);
            } else {
                operands.add(a);
            }
        }
        return new Parsed(options, operands);
    }

    private int parseLong(List<String> args, int i, List<Option> options) throws UsageError {
        String a = args.get(i).substring(2);
        int eq = a.indexOf('=');
        String name = eq < 0 ? a : a.substring(0, eq);
        String inline = eq < 0 ? null : a.substring(eq + 1);
        String match = null;
        for (String candidate : longToKey.keySet()) {
            String bare = candidate.endsWith("=") ? candidate.substring(0, candidate.length() - 1) : candidate;
            if (bare.equals(name)) {
                match = candidate;
                break;
            }
            if (bare.startsWith(name) && match == null) {
                match = candidate;
            }
        }
        if (match == null) {
            throw new UsageError("unrecognized option '--" + a + "'");
        }
        String bare = match.endsWith("=") ? match.substring(0, match.length() - 1) : match;
        if (!match.endsWith("=")) {
            if (inline != null) {
                throw new UsageError("option '--" + bare + "' doesn't allow an argument");
            }
            options.add(new Option(longToKey.get(match), null));
            return i;
        }
        if (inline == null) {
            if (i + 1 >= args.size()) {
                throw new UsageError("option '--" + bare + "' requires an argument");
            }
            inline = args.get(++i);
        }
        options.add(new Option(longToKey.get(match), inline));
        return i;
    }

    private int parseShort(List<String> args, int i, List<Option> options) throws UsageError {
        String a = args.get(i);
        for (int j = 1; j < a.length(); j++) {
            char c = a.charAt(j);
            int at = shortSpec.indexOf(c);
            if (at < 0 || c == ':') {
                throw new UsageError("invalid option -- '" + c + "'");
            }
            boolean takesArgument = at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':';
            if (!takesArgument) {
                options.add(new Option(String.valueOf(c), null));
                continue;
            }
            String value;
            if (j + 1 < a.length()) {
                value = a.substring(j + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageError("option requires an argument -- '" + c + "'");
            }
            options.add(new Option(String.valueOf(c), value));
            return i;
        }
        return i;
    }
}
