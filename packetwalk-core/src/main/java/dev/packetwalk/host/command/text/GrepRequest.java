package dev.packetwalk.host.command.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What a {@code grep} command line asks for: the compiled patterns and the output options. */
record GrepRequest(Pattern pattern, boolean wholeLine, boolean invert, boolean count, boolean onlyMatching,
                   boolean lineNumbers, boolean quiet, long maxCount, int before, int after,
                   List<String> files) {

    private static final GnuOptions OPTIONS = new GnuOptions("EFGPe:f:ivywxcoqsnm:A:B:C:hHlL", Map.ofEntries(
            Map.entry("extended-regexp", "E"), Map.entry("fixed-strings", "F"), Map.entry("basic-regexp", "G"),
            Map.entry("perl-regexp", "P"), Map.entry("regexp=", "e"), Map.entry("file=", "f"),
            Map.entry("ignore-case", "i"), Map.entry("no-ignore-case", "no-ignore-case"),
            Map.entry("invert-match", "v"), Map.entry("word-regexp", "w"), Map.entry("line-regexp", "x"),
            Map.entry("count", "c"), Map.entry("only-matching", "o"), Map.entry("quiet", "q"),
            Map.entry("silent", "q"), Map.entry("no-messages", "s"), Map.entry("line-number", "n"),
            Map.entry("max-count=", "m"), Map.entry("after-context=", "A"), Map.entry("before-context=", "B"),
            Map.entry("context=", "C"), Map.entry("color", "color"), Map.entry("colour", "color"),
            Map.entry("color=", "color"), Map.entry("colour=", "color"), Map.entry("no-filename", "h"),
            Map.entry("with-filename", "H")));

    /** A command line grep refuses: exit status 2, with {@code message} (and usage when asked). */
    static final class Refusal extends Exception {
        final boolean showUsage;

        Refusal(String message, boolean showUsage) {
            super(message);
            this.showUsage = showUsage;
        }
    }

    static GrepRequest parse(List<String> args, char defaultSyntax) throws Refusal {
        GnuOptions.Parsed parsed;
        try {
            parsed = OPTIONS.parse(args);
        } catch (GnuOptions.UsageError e) {
            throw new Refusal(e.getMessage(), true);
        }
        char syntax = defaultSyntax;
        List<String> patterns = new ArrayList<>();
        boolean patternGiven = false;
        boolean ignoreCase = false;
        boolean[] flags = new boolean[128];
        long maxCount = Long.MAX_VALUE;
        int before = 0;
        int after = 0;
        for (GnuOptions.Option o : parsed.options()) {
            switch (o.key()) {
                case "E", "F", "G", "P" -> syntax = o.key().charAt(0);
                case "e" -> {
                    patterns.addAll(List.of(o.value().split("\n", -1)));
                    patternGiven = true;
                }
                case "f" -> throw new Refusal(o.value() + ": No such file or directory", false);
                case "i", "y" -> ignoreCase = true;
                case "no-ignore-case" -> ignoreCase = false;
                case "m" -> maxCount = number(o.value(), "invalid max count");
                case "A" -> after = (int) number(o.value(), o.value() + ": invalid context length argument");
                case "B" -> before = (int) number(o.value(), o.value() + ": invalid context length argument");
                case "C" -> {
                    after = (int) number(o.value(), o.value() + ": invalid context length argument");
                    before = after;
                }
                case "color", "h", "H", "l", "L", "s" -> { }
                default -> flags[o.key().charAt(0)] = true;
            }
        }
        List<String> operands = new ArrayList<>(parsed.operands());
        if (!patternGiven) {
            if (operands.isEmpty()) {
                throw new Refusal(null, true);
            }
            patterns.addAll(List.of(operands.remove(0).split("\n", -1)));
        }
        Pattern pattern = compile(patterns, syntax, ignoreCase, flags['w']);
        return new GrepRequest(pattern, flags['x'], flags['v'], flags['c'], flags['o'], flags['n'], flags['q'],
                maxCount, before, after, operands);
    }

    boolean selects(String line) {
        Matcher m = pattern.matcher(line);
        return (wholeLine ? m.matches() : m.find()) != invert;
    }

    private static long number(String value, String message) throws Refusal {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new Refusal(message, false);
    }

    private static Pattern compile(List<String> patterns, char syntax, boolean ignoreCase, boolean word)
            throws Refusal {
        StringBuilder java = new StringBuilder();
        for (String p : patterns) {
            if (java.length() > 0) {
                java.append('|');
            }
            String one;
            try {
                one = switch (syntax) {
                    case 'F' -> Pattern.quote(p);
                    case 'P' -> p;
                    default -> PosixRegex.toJava(p, syntax == 'E');
                };
            } catch (PosixRegex.SyntaxError e) {
                throw new Refusal(e.getMessage(), false);
            }
            java.append("(?:").append(one).append(')');
        }
        String regex = word ? "(?<![\\p{Alnum}_])(?:" + java + ")(?![\\p{Alnum}_])" : java.toString();
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new Refusal(syntax == 'P' ? e.getDescription() : "Invalid regular expression", false);
        }
    }
}
