package dev.packetwalk.host;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Expands one raw word as bash does before running a command: tilde ({@code ~} is root's
 * home), parameters ({@code $NAME}, {@code ${NAME}}, {@code $?}), field splitting of unquoted
 * expansions on blanks, and quote removal. A word that expands to nothing unquoted vanishes.
 */
public final class WordExpansion {
    private static final String HOME = "/root";

    private final UnaryOperator<String> parameters;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean inField;

    private WordExpansion(UnaryOperator<String> parameters) {
        this.parameters = parameters;
    }

    /**
     * The fields {@code raw} expands to. {@code parameters} gives a parameter's value (null
     * when unset); with null parameters, {@code $} is an ordinary character.
     */
    public static List<String> fields(String raw, UnaryOperator<String> parameters) {
        WordExpansion expansion = new WordExpansion(parameters);
        expansion.expand(raw);
        return expansion.fields;
    }

    private void expand(String raw) {
        int n = raw.length();
        int i = 0;
        if (raw.equals("~") || raw.startsWith("~/")) {
            quoted(HOME);
            i = 1;
        }
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\'') {
                int end = raw.indexOf('\'', i + 1);
                quoted(raw.substring(i + 1, end));
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(raw, i + 1);
            } else if (c == '\\') {
                quoted(raw.substring(i + 1, Math.min(n, i + 2)));
                i += 2;
            } else if (c == '$' && parameters != null) {
                int[] end = new int[1];
                String value = parameter(raw, i, end);
                if (value == null) {
                    quoted("$");
                } else {
                    unquoted(value);
                }
                i = end[0];
            } else {
                quoted(String.valueOf(c));
                i++;
            }
        }
        if (inField) {
            fields.add(field.toString());
        }
    }

    private int doubleQuoted(String raw, int start) {
        inField = true;
        int i = start;
        while (raw.charAt(i) != '"') {
            char c = raw.charAt(i);
            if (c == '\\' && "\"\\$`\n".indexOf(raw.charAt(i + 1)) >= 0) {
                if (raw.charAt(i + 1) != '\n') {
                    field.append(raw.charAt(i + 1));
                }
                i += 2;
            } else if (c == '$' && parameters != null) {
                int[] end = new int[1];
                String value = parameter(raw, i, end);
                field.append(value == null ? "$" : value);
                i = end[0];
            } else {
                field.append(c);
                i++;
            }
        }
        return i + 1;
    }

    /** The value of the parameter at {@code raw[at]} ('$'); null when '$' is literal there. */
    private String parameter(String raw, int at, int[] end) {
        int i = at + 1;
        if (i >= raw.length()) {
            end[0] = i;
            return null;
        }
        char c = raw.charAt(i);
        String name;
        if (c == '{') {
            int close = raw.indexOf('}', i);
            if (close < 0) {
                throw new ShellSyntaxException("unexpected EOF while looking for matching `}'", false);
            }
            name = raw.substring(i + 1, close);
            if (!isName(name) && !name.equals("?") && !name.matches("[0-9]+")) {
                throw new ShellSyntaxException("${" + name + "}: bad substitution", false);
            }
            end[0] = close + 1;
        } else if (c == '?' || c == '$' || c == '#' || Character.isDigit(c)) {
            name = String.valueOf(c);
            end[0] = i + 1;
        } else if (c == '_' || Character.isLetter(c)) {
            int j = i;
            while (j < raw.length() && (raw.charAt(j) == '_' || Character.isLetterOrDigit(raw.charAt(j)))) {
                j++;
            }
            name = raw.substring(i, j);
            end[0] = j;
        } else {
            end[0] = i;
            return null;
        }
        String value = parameters.apply(name);
        return value == null ? "" : value;
    }

    static boolean isName(String s) {
        return s.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private void quoted(String text) {
        field.append(text);
        inField = true;
    }

    private void unquoted(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inField) {
                    fields.add(field.toString());
                    field.setLength(0);
                    inField = false;
                }
            } else {
                field.append(c);
                inField = true;
            }
        }
    }
}
