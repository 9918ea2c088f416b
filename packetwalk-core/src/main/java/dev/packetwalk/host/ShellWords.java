package dev.packetwalk.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one shell line into words and operators the way a POSIX shell does: single quotes
 * keep everything, double quotes keep everything but {@code \" \\ \$ \`}, a backslash escapes
 * the next character, {@code #} at the start of a word begins a comment, and {@code | ; && ||}
 * are operators when unquoted.
 */
public final class ShellWords {
    /** One token: a word, or an operator ({@link #isOperator()}). */
    public record Token(String text, boolean isOperator) {
    }

    private ShellWords() {
    }

    public static List<Token> split(String line) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unexpected EOF while looking for matching `''");
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '"') {
                i = readDoubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    word.append(line.charAt(++i));
                }
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    tokens.add(new Token(word.toString(), false));
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '|' || c == ';' || c == '&') {
                if (inWord) {
                    tokens.add(new Token(word.toString(), false));
                    word.setLength(0);
                    inWord = false;
                }
                if (i + 1 < n && (c == '|' || c == '&') && line.charAt(i + 1) == c) {
                    tokens.add(new Token("" + c + c, true));
                    i++;
                } else if (c == '&') {
                    throw new IllegalArgumentException("background jobs (&) are not supported");
                } else {
                    tokens.add(new Token(String.valueOf(c), true));
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            tokens.add(new Token(word.toString(), false));
        }
        return tokens;
    }

    private static int readDoubleQuoted(String line, int start, StringBuilder word) {
        int n = line.length();
        for (int i = start; i < n; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < n && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(++i));
            } else {
                word.append(c);
            }
        }
        throw new IllegalArgumentException("unexpected EOF while looking for matching `\"'");
    }
}
