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

    /** Raw tokens; throws {@link ShellSyntaxException} for an unterminated quote. */
    public static List<Token> lex(String text) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(text, i);
                word.append(text, i, end + 1);
                i = end + 1;
            } else if (c == '\\') {
                if (i + 1 < n && text.charAt(i + 1) != '\n') {
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
        return tokens;
    }

    /**
     * Whether more lines are needed before {@code text} can run: an open quote, a trailing
     * backslash, or a last operator that needs a command after it ({@code | && ||}).
     */
    public static boolean incomplete(String text) {
        if (endsWithContinuation(text)) {
            return true;
        }
        if (quoteOpen(text)) {
            return true;
        }
        List<Token> tokens = lex(text);
        if (tokens.isEmpty()) {
            return false;
        }
        Token last = tokens.get(tokens.size() - 1);
        return last.isOperator() && (last.text().equals("|") || last.text().equals("&&")
                || last.text().equals("||"));
    }

    /** Whether a quote opened in the text is still open at its end. */
    static boolean quoteOpen(String text) {
        try {
            lex(text);
            return false;
        } catch (ShellSyntaxException e) {
            return true;
        }
    }

    /** Whether the text ends with an unescaped backslash (outside quotes, not in a comment). */
    static boolean endsWithContinuation(String text) {
        int backslashes = 0;
        for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        if (backslashes % 2 == 0) {
            return false;
        }
        try {
            List<Token> tokens = lex(text + "x");
            return !tokens.isEmpty() && !tokens.get(tokens.size() - 1).isOperator()
                    && tokens.get(tokens.size() - 1).text().endsWith("\\x");
        } catch (ShellSyntaxException e) {
            return false;
        }
    }

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
        throw new ShellSyntaxException("unexpected EOF while looking for matching `" + q + "'", false);
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
