package dev.packetwalk.host.command.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of awk people pipe into: rules {@code [/ERE/] { print ITEM... [; print ...] }}
 * or a bare {@code /ERE/}, where an item is {@code $N}, {@code $NF}, {@code $(NF-N)}, {@code NR},
 * {@code NF} or a string; items joined by commas are separated by a space, others concatenated.
 */
record AwkProgram(List<Rule> rules) {

    /** One rule: an optional line pattern and the print statements run for matching lines. */
    record Rule(Pattern pattern, List<List<Item>> prints) {
    }

    /** One thing a print statement prints; {@code separator} tells whether a comma came before it. */
    record Item(String kind, int number, String text, boolean separator) {
        String value(String line, List<String> fields, long recordNumber) {
            return switch (kind) {
                case "field" -> field(line, fields, number);
                case "nf-field" -> field(line, fields, fields.size() - number);
                case "NR" -> Long.toString(recordNumber);
                case "NF" -> Integer.toString(fields.size());
                default -> text;
            };
        }

        private static String field(String line, List<String> fields, int n) {
            if (n == 0) {
                return line;
            }
            return n > 0 && n <= fields.size() ? fields.get(n - 1) : "";
        }
    }

    /** A program outside the emulated subset. */
    static final class Unsupported extends Exception {
        Unsupported(String program) {
            super(program);
        }
    }

    private static final Pattern RULE = Pattern.compile("\\s*(?:/((?:[^/\\\\]|\\\\.)*)/)?\\s*(?:\\{([^{}]*)\\})?\\s*;?");
    private static final Pattern ITEM = Pattern.compile(
            "\\s*(,)?\\s*(?:\\$(\\d+)|\\$NF|\\$\\(NF-(\\d+)\\)|(NR)|(NF)|\"((?:[^\"\\\\]|\\\\.)*)\")");

    static AwkProgram parse(String program) throws Unsupported {
        List<Rule> rules = new ArrayList<>();
        Matcher m = RULE.matcher(program);
        int at = 0;
        while (at < program.length()) {
            if (!m.find(at) || m.start() != at || m.end() == at || (m.group(1) == null && m.group(2) == null)) {
                throw new Unsupported(program);
            }
            Pattern pattern = null;
            if (m.group(1) != null) {
                try {
                    pattern = Pattern.compile(PosixRegex.toJava(m.group(1), true), Pattern.DOTALL);
                } catch (PosixRegex.SyntaxError e) {
                    throw new Unsupported(program);
                }
            }
            List<List<Item>> prints = m.group(2) == null ? List.of(List.of(new Item("field", 0, null, false)))
                    : statements(m.group(2), program);
            rules.add(new Rule(pattern, prints));
            at = m.end();
        }
        return new AwkProgram(rules);
    }

    private static List<List<Item>> statements(String body, String program) throws Unsupported {
        List<List<Item>> prints = new ArrayList<>();
        for (String statement : body.split("[;\n]")) {
            String s = statement.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!s.startsWith("print") || (s.length() > 5 && !Character.isWhitespace(s.charAt(5)))) {
                throw new Unsupported(program);
            }
            prints.add(items(s.substring(5), program));
        }
        return prints;
    }

    private static List<Item> items(String text, String program) throws Unsupported {
        List<Item> items = new ArrayList<>();
        Matcher m = ITEM.matcher(text);
        int at = 0;
        while (at < text.length() && !text.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at || (items.isEmpty() && m.group(1) != null)) {
                throw new Unsupported(program);
            }
            boolean comma = m.group(1) != null;
            if (m.group(2) != null) {
                items.add(new Item("field", Integer.parseInt(m.group(2)), null, comma));
            } else if (m.group(3) != null) {
                items.add(new Item("nf-field", Integer.parseInt(m.group(3)), null, comma));
            } else if (m.group(4) != null || m.group(5) != null) {
                items.add(new Item(m.group(4) != null ? "NR" : "NF", 0, null, comma));
            } else if (m.group(6) != null) {
                items.add(new Item("string", 0, m.group(6).replace("\\t", "\t").replace("\\n", "\n")
                        .replace("\\\"", "\"").replace("\\\\", "\\"), comma));
            } else {
                items.add(new Item("nf-field", 0, null, comma));
            }
            at = m.end();
        }
        if (items.isEmpty()) {
            items.add(new Item("field", 0, null, false));
        }
        return items;
    }
}
