package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of Python's argparse the clients' sub-commands go through: options anywhere on the
 * line ({@code -c ID}, {@code -cID}, {@code --column ID}, {@code --column=ID}, unique prefixes
 * of long options), positionals in order, the usage line wrapped at 78 columns as argparse wraps
 * it, and argparse's error messages in the wording of the interpreter the client runs on.
 * Options it does not know are handed back (neutronclient turns them into API filters).
 */
final class Argparse {
    /** How many values an option takes. */
    enum Arity { FLAG, ONE, APPEND, OPTIONAL }

    /** One option: its flags ({@code -f}, {@code --format}), arity, metavar, choices and integer type. */
    record Option(List<String> flags, Arity arity, String metavar, List<String> choices, boolean integer) {
        Option {
            flags = List.copyOf(flags);
            choices = List.copyOf(choices);
        }

        /** The name values are kept under: the first long flag, else the first flag. */
        String dest() {
            return flags.stream().filter(f -> f.startsWith("--")).findFirst().orElse(flags.get(0));
        }

        String usagePart() {
            if (arity == Arity.FLAG) {
                return "[" + flags.get(0) + "]";
            }
            if (arity == Arity.OPTIONAL) {
                return "[" + flags.get(0) + " [" + metavar + "]]";
            }
            String value = choices.isEmpty() ? metavar : "{" + String.join(",", choices) + "}";
            return "[" + flags.get(0) + " " + value + "]";
        }

        String label() {
            return String.join("/", flags);
        }
    }

    /** The outcome of a parse: option values by {@link Option#dest()}, positionals, and what was not understood. */
    record Parsed(Map<String, List<String>> values, List<String> positionals, List<String> extras) {
        Parsed {
            values = Map.copyOf(values);
            positionals = List.copyOf(positionals);
            extras = List.copyOf(extras);
        }

        boolean has(String dest) {
            return values.containsKey(dest);
        }

        /** The option's (last) value, or {@code otherwise}. */
        String get(String dest, String otherwise) {
            List<String> v = values.get(dest);
            return v == null || v.isEmpty() ? otherwise : v.get(v.size() - 1);
        }

        List<String> all(String dest) {
            return values.getOrDefault(dest, List.of());
        }

        String positional(int index) {
            return positionals.get(index);
        }
    }

    /** A command line argparse rejects: its message, to print after the usage. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    private static final int TEXT_WIDTH = 78;

    private final String prog;
    private final Python python;
    private final List<Option> options = new ArrayList<>();
    private final List<String> positionals = new ArrayList<>();
    private final List<List<String>> exclusiveGroups = new ArrayList<>();

    Argparse(String prog, Python python) {
        this.prog = prog;
        this.python = python;
    }

    String prog() {
        return prog;
    }

    Argparse flag(String... flags) {
        return add(new Option(List.of(flags), Arity.FLAG, null, List.of(), false));
    }

    Argparse value(String metavar, String... flags) {
        return add(new Option(List.of(flags), Arity.ONE, metavar, List.of(), false));
    }

    Argparse integer(String metavar, String... flags) {
        return add(new Option(List.of(flags), Arity.ONE, metavar, List.of(), true));
    }

    Argparse choice(List<String> choices, String... flags) {
        return add(new Option(List.of(flags), Arity.ONE, null, choices, false));
    }

    /** An option whose value may be left out ({@code nargs='?'}). */
    Argparse optional(String metavar, String... flags) {
        return add(new Option(List.of(flags), Arity.OPTIONAL, metavar, List.of(), false));
    }

    Argparse append(String metavar, String... flags) {
        return add(new Option(List.of(flags), Arity.APPEND, metavar, List.of(), false));
    }

    /** Mutually exclusive flags, shown together in the usage as {@code [--a | --b]}. */
    Argparse exclusive(String... flags) {
        for (String f : flags) {
            flag(f);
        }
        exclusiveGroups.add(List.of(flags));
        return this;
    }

    Argparse positional(String metavar) {
        positionals.add(metavar);
        return this;
    }

    private Argparse add(Option option) {
        options.add(option);
        return this;
    }

    /** Parses a sub-command's arguments (after its name). */
    Parsed parse(List<String> args) throws UsageError {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> given = new ArrayList<>();
        List<String> extras = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                given.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!isOption(a)) {
                given.add(a);
                continue;
            }
            String name = a;
            String inline = null;
            if (a.startsWith("--") && a.contains("=")) {
                name = a.substring(0, a.indexOf('='));
                inline = a.substring(a.indexOf('=') + 1);
            } else if (!a.startsWith("--") && a.length() > 2) {
                name = a.substring(0, 2);
                inline = a.substring(2);
            }
            Option option = find(name);
            if (option == null) {
                extras.add(a);
                continue;
            }
            List<String> slot = values.computeIfAbsent(option.dest(), k -> new ArrayList<>());
            if (option.arity() == Arity.FLAG) {
                if (inline != null && a.startsWith("--")) {
                    throw new UsageError("argument " + option.label() + ": ignored explicit argument " + quoted(inline));
                }
                continue;
            }
            String value = inline;
            if (value == null && option.arity() == Arity.OPTIONAL) {
                if (i + 1 < args.size() && !isOption(args.get(i + 1))) {
                    slot.add(args.get(++i));
                }
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size() || isOption(args.get(i + 1))) {
                    throw new UsageError("argument " + option.label() + ": expected one argument");
                }
                value = args.get(++i);
            }
            check(option, value);
            slot.add(value);
        }
        if (given.size() < positionals.size()) {
            throw new UsageError(python == Python.PY2 ? "too few arguments"
                    : "the following arguments are required: "
                            + String.join(", ", positionals.subList(given.size(), positionals.size())));
        }
        extras.addAll(given.subList(positionals.size(), given.size()));
        return new Parsed(values, given.subList(0, positionals.size()), extras);
    }

    private void check(Option option, String value) throws UsageError {
        if (!option.choices().isEmpty() && !option.choices().contains(value)) {
            List<String> quotedChoices = option.choices().stream().map(this::quoted).toList();
            throw new UsageError("argument " + option.label() + ": invalid choice: " + quoted(value) + " (choose from "
                    + String.join(", ", quotedChoices) + ")");
        }
        if (option.integer() && !value.matches("[+-]?\\d+")) {
            throw new UsageError("argument " + option.label() + ": invalid int value: " + quoted(value));
        }
    }

    /** The option a flag names: exactly, or as the unique prefix of one long flag; null if none. */
    private Option find(String flag) throws UsageError {
        for (Option o : options) {
            if (o.flags().contains(flag)) {
                return o;
            }
        }
        if (!flag.startsWith("--")) {
            return null;
        }
        List<String> matches = new ArrayList<>();
        Option match = null;
        for (Option o : options) {
            for (String f : o.flags()) {
                if (f.startsWith(flag)) {
                    matches.add(f);
                    match = o;
                }
            }
        }
        if (matches.size() > 1) {
            throw new UsageError("ambiguous option: " + flag + " could match " + String.join(", ", matches));
        }
        return match;
    }

    /** An integer option's value (checked by the parse), clamped to Java's int range. */
    static int intValue(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return value.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }

    private static boolean isOption(String a) {
        return a.startsWith("-") && a.length() > 1 && !a.matches("-\\d+(\\.\\d*)?");
    }

    private String quoted(String s) {
        return python.repr(s).substring(python == Python.PY2 ? 1 : 0);
    }

    /** The usage text argparse prints, {@code usage: PROG [-h] ...} wrapped at 78 columns, with its newline. */
    String usage() {
        List<String> optParts = optionParts();
        List<String> posParts = List.copyOf(positionals);
        String prefix = "usage: ";
        List<String> all = new ArrayList<>(optParts);
        all.addAll(posParts);
        String flat = String.join(" ", prepend(prog, all));
        if (prefix.length() + flat.length() <= TEXT_WIDTH) {
            return prefix + flat + "\n";
        }
        List<String> lines;
        if (prefix.length() + prog.length() <= 0.75 * TEXT_WIDTH) {
            String indent = " ".repeat(prefix.length() + prog.length() + 1);
            if (!optParts.isEmpty()) {
                lines = lines(prepend(prog, optParts), indent, prefix);
                lines.addAll(lines(posParts, indent, null));
            } else if (!posParts.isEmpty()) {
                lines = lines(prepend(prog, posParts), indent, prefix);
            } else {
                lines = new ArrayList<>(List.of(prog));
            }
        } else {
            String indent = " ".repeat(prefix.length());
            lines = lines(all, indent, null);
            if (lines.size() > 1) {
                lines = lines(optParts, indent, null);
                lines.addAll(lines(posParts, indent, null));
            }
            lines.add(0, prog);
        }
        return prefix + String.join("\n", lines) + "\n";
    }

    /** Each option's usage part; an exclusive group's flags joined into one part. */
    private List<String> optionParts() {
        List<String> parts = new ArrayList<>();
        for (Option o : options) {
            List<String> group = exclusiveGroups.stream().filter(g -> g.contains(o.flags().get(0))).findFirst().orElse(null);
            if (group == null) {
                parts.add(o.usagePart());
            } else if (group.get(0).equals(o.flags().get(0))) {
                parts.add("[" + String.join(" | ", group) + "]");
            }
        }
        return parts;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    /** argparse's get_lines: parts filled into lines of at most 78 columns after the indent. */
    private static List<String> lines(List<String> parts, String indent, String prefix) {
        List<String> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        int length = prefix != null ? prefix.length() - 1 : indent.length() - 1;
        for (String part : parts) {
            if (length + 1 + part.length() > TEXT_WIDTH && !line.isEmpty()) {
                lines.add(indent + String.join(" ", line));
                line.clear();
                length = indent.length() - 1;
            }
            line.add(part);
            length += part.length() + 1;
        }
        if (!line.isEmpty()) {
            lines.add(indent + String.join(" ", line));
        }
        if (prefix != null && !lines.isEmpty()) {
            lines.set(0, lines.get(0).substring(indent.length()));
        }
        return lines;
    }
}
