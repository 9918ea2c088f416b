package dev.packetwalk.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into words and operators the way a POSIX shell does. Words keep their
 * quotes ({@link WordExpansion} removes them when the command runs); operators are
 * {@code | || & && ; ;; ( )} and redirections ({@code > >> < >& &> &>>}, with an optional
 * file-descriptor number in front, as in {@code 2>&1}). A {@code #} at the start of a word
 * begins a comment; a backslash before a newline joins the lines.
 */
public final class ShellWords {
    /** One token: a word (with its quotes), or an operator ({@link #isOperator()}). */
    public record Token(String text, boolean isOperator) {
        public boolean isRedirection() {
            return isOperator && (text.indexOf('>') >= 0 || text.indexOf('<') >= 0);
        }
    }

    private static final String[] OPERATORS = {
        "&>>", ">>", ">&", ">|", "<&", "&>", "&&", "||", ";;", ">", "<", "|", "&", ";", "(", ")"};

    private ShellWords() {
    }

    /** Words with quotes removed, and operators; no parameter expansion ({@code $} stays). */
    public static List<Token> split(String line) {
        List<Token> result = new ArrayList<>();
        for (Token t : lex(line)) {
            if (t.isOperator()) {
                result.add(t);
            } else {
                for (String field : WordExpansion.fields(t.text(), null)) {
                    result.add(new Token(field, false));
                }
            }
        }
        return result;
    }

    /** How a piece of text ends: complete, inside a quote, or with a backslash before its end. */
    private enum Ending { COMPLETE, OPEN_QUOTE, CONTINUATION }

    /** Raw tokens and how the text ended. */
    private record Scan(List<Token> tokens, Ending ending, char quote) {
    }

    /** Raw tokens; throws {@link ShellSyntaxException} for an unterminated quote. */
    public static List<Token> lex(String text) {
        Scan scan = scan(text);
        if (scan.ending() == Ending.OPEN_QUOTE) {
            throw new ShellSyntaxException("unexpected EOF while looking for matching `" + scan.quote() + "'", false);
        }
        return scan.tokens();
    }

    /**
     * Whether more lines are needed before {@code text} can run: an open quote, a trailing
     * backslash, or a last operator that needs a command after it ({@code | && ||}).
     */
    public static boolean incomplete(String text) {
        Scan scan = scan(text);
        if (scan.ending() != Ending.COMPLETE) {
            return true;
        }
        List<Token> tokens = scan.tokens();
        if (tokens.isEmpty()) {
            return false;
        }
        Token last = tokens.get(tokens.size() - 1);
        return last.isOperator() && (last.text().equals("|") || last.text().equals("&&")
                || last.text().equals("||"));
    }

    /** Whether a quote opened in the text is still open at its end. */
    static boolean quoteOpen(String text) {
        return scan(text).ending() == Ending.OPEN_QUOTE;
    }

    /** Whether the text ends with an unquoted, unescaped backslash (a line continuation). */
    static boolean endsWithContinuation(String text) {
        return scan(text).ending() == Ending.CONTINUATION;
    }

    private static Scan scan(String text) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(text, i);
                if (end < 0) {
                    return new Scan(tokens, Ending.OPEN_QUOTE, c);
                }
                word.append(text, i, end + 1);
                i = end + 1;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return new Scan(tokens, Ending.CONTINUATION, c);
                }
                if (text.charAt(i + 1) != '\n') {
                    word.append(text, i, i + 2);
                }
                i += 2;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                flush(word, tokens);
                i++;
            } else if (c == '#' && word.length() == 0) {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (isOperatorStart(c)) {
                String op = operatorAt(text, i);
                i += op.length();
                if ((c == '>' || c == '<') && isNumber(word)) {
                    op = word + op;
                    word.setLength(0);
                } else {
                    flush(word, tokens);
                }
                tokens.add(new Token(op, true));
            } else {
                word.append(c);
                i++;
            }
        }
        flush(word, tokens);
        return new Scan(tokens, Ending.COMPLETE, ' ');
    }

    /** The index of the quote closing the one at {@code open}, or -1 when the text ends first. */
    private static int closingQuote(String text, int open) {
        char q = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == q) {
                return i;
            }
            if (q == '"' && c == '\\') {
                i++;
            }
        }
        return -1;
    }

    private static boolean isOperatorStart(char c) {
        return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')';
    }

    private static String operatorAt(String text, int i) {
        for (String op : OPERATORS) {
            if (text.startsWith(op, i)) {
                return op;
            }
        }
        throw new IllegalStateException("no operator at " + i);
    }

    private static boolean isNumber(StringBuilder word) {
        if (word.length() == 0) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder word, List<Token> tokens) {
        if (word.length() > 0) {
            tokens.add(new Token(word.toString(), false));
            word.setLength(0);
        }
    }
}
