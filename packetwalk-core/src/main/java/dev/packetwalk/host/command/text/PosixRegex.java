package dev.packetwalk.host.command.text;

import java.util.Map;

/**
 * Translates a POSIX regular expression, basic (BRE) or extended (ERE) with GNU's extensions
 * ({@code \+ \? \| \< \> \w \b}), into java.util.regex syntax. Bad patterns fail with GNU
 * grep's messages ({@code Unmatched ( or \(}, {@code Trailing backslash} ...).
 */
final class PosixRegex {
    /** A pattern GNU regcomp refuses; the message is grep's text after {@code grep: }. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"),
            Map.entry("space", " \\t\\n\\x0B\\f\\r"), Map.entry("blank", " \\t"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "0-9A-Fa-f"));

    private final String re;
    private final boolean extended;
    private final StringBuilder java = new StringBuilder();
    private int pos;
    private int openGroups;
    private int closedGroups;
    /** True where an operand is expected: BRE's '*' and '^' are literal/anchors by this. */
    private boolean atStart = true;

    private PosixRegex(String re, boolean extended) {
        this.re = re;
        this.extended = extended;
    }

    static String toJava(String re, boolean extended) throws SyntaxError {
        PosixRegex t = new PosixRegex(re, extended);
        t.translate();
        return t.java.toString();
    }

    private void translate() throws SyntaxError {
        while (pos < re.length()) {
            char c = re.charAt(pos++);
            boolean start = atStart;
            atStart = false;
            if (c == '\\') {
                escape();
            } else if (c == '[') {
                bracket();
            } else if (c == '.') {
                java.append('.');
            } else if (c == '*') {
                if (start) {
                    java.append(extended ? "" : "\\*");
                    atStart = extended;
                } else {
                    java.append('*');
                }
            } else if (c == '^') {
                java.append(extended || start ? "^" : "\\^");
                atStart = true;
            } else if (c == '$') {
                java.append(extended || atEnd() ? "$" : "\\$");
            } else if (extended && "()|+?{".indexOf(c) >= 0) {
                extendedOperator(c, start);
            } else {
                literal(c);
            }
        }
        if (openGroups > closedGroups) {
            throw new SyntaxError("Unmatched ( or \\(");
        }
    }

    private void extendedOperator(char c, boolean start) throws SyntaxError {
        switch (c) {
            case '(' -> openGroup();
            case ')' -> {
                if (openGroups > closedGroups) {
                    closeGroup();
                } else {
                    java.append("\\)");
                }
            }
            case '|' -> {
                java.append('|');
                atStart = true;
            }
            case '{' -> {
                if (!interval("}")) {
                    java.append("\\{");
                }
            }
            default -> java.append(start ? "\\" + c : String.valueOf(c));
        }
    }

    private void escape() throws SyntaxError {
        if (pos >= re.length()) {
            throw new SyntaxError("Trailing backslash");
        }
        char c = re.charAt(pos++);
        if (!extended && c == '(') {
            openGroup();
        } else if (!extended && c == ')') {
            if (openGroups <= closedGroups) {
                throw new SyntaxError("Unmatched ) or \\)");
            }
            closeGroup();
        } else if (!extended && c == '|') {
            java.append('|');
            atStart = true;
        } else if (!extended && c == '{') {
            if (!interval("\\}")) {
                throw new SyntaxError(re.indexOf("\\}", pos) < 0 ? "Unmatched \\{" : "Invalid content of \\{\\}");
            }
        } else if (!extended && (c == '+' || c == '?')) {
            java.append(c);
        } else if (c >= '1' && c <= '9') {
            if (c - '0' > closedGroups) {
                throw new SyntaxError("Invalid back reference");
            }
            java.append('\\').append(c);
        } else if (c == '<') {
            java.append("\\b(?=\\w)");
        } else if (c == '>') {
            java.append("\\b(?<=\\w)");
        } else if ("bBwWsS".indexOf(c) >= 0) {
            java.append('\\').append(c);
        } else if (c == '`') {
            java.append("\\A");
        } else if (c == '\'') {
            java.append("\\z");
        } else {
            literal(c);
        }
    }

    private void openGroup() {
        openGroups++;
        java.append('(');
        atStart = true;
    }

    private void closeGroup() {
        closedGroups++;
        java.append(')');
    }

    /** A {@code {m,n}} interval closed by {@code close}; false (nothing consumed) when not one. */
    private boolean interval(String close) {
        int end = re.indexOf(close, pos);
        if (end < 0) {
            return false;
        }
        String body = re.substring(pos, end);
        if (!body.matches("\\d*(,\\d*)?") || body.isEmpty() || body.equals(",")) {
            return false;
        }
        java.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
        pos = end + close.length();
        return true;
    }

    /** Whether a BRE '$' just read is an anchor: at the end, or before {@code \)} or {@code \|}. */
    private boolean atEnd() {
        return pos == re.length() || re.startsWith("\\)", pos) || re.startsWith("\\|", pos);
    }

    private void literal(char c) {
        if (Character.isLetterOrDigit(c) || c == ' ' || c == '_') {
            java.append(c);
        } else {
            java.append('\\').append(c);
        }
    }

    private void bracket() throws SyntaxError {
        int start = pos - 1;
        StringBuilder set = new StringBuilder("[");
        if (pos < re.length() && re.charAt(pos) == '^') {
            set.append('^');
            pos++;
        }
        boolean first = true;
        while (true) {
            if (pos >= re.length()) {
                throw new SyntaxError("Unmatched [, [^, [:, [., or [=");
            }
            char c = re.charAt(pos++);
            if (c == ']' && !first) {
                break;
            }
            first = false;
            if (c == '[' && pos < re.length() && ":=.".indexOf(re.charAt(pos)) >= 0) {
                set.append(bracketItem(re.charAt(pos)));
            } else if (c == '-' && set.length() > 1 && pos < re.length() && re.charAt(pos) != ']') {
                set.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                set.append(c);
            } else {
                set.append('\\').append(c);
            }
        }
        String body = re.substring(start + 1, pos - 1);
        if (body.length() >= 2 && body.startsWith(":") && body.endsWith(":")) {
            throw new SyntaxError("character class syntax is [[:space:]], not [:space:]");
        }
        java.append(set).append(']');
    }

    /** {@code [:class:]}, {@code [=c=]} or {@code [.c.]} inside a bracket expression. */
    private String bracketItem(char kind) throws SyntaxError {
        int end = re.indexOf(kind + "]", pos + 1);
        if (end < 0) {
            throw new SyntaxError("Unmatched [, [^, [:, [., or [=");
        }
        String name = re.substring(pos + 1, end);
        pos = end + 2;
        if (kind == ':') {
            String cls = CLASSES.get(name);
            if (cls == null) {
                throw new SyntaxError("Invalid character class name");
            }
            return cls;
        }
        if (name.length() != 1) {
            throw new SyntaxError("Invalid collation character");
        }
        return "\\" + name;
    }
}
