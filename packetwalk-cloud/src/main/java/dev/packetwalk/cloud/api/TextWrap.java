package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code textwrap.fill(text, width)}, which prettytable uses to wrap a cell wider than
 * its column: words split at whitespace and after the hyphen of a hyphenated word, words longer
 * than a line cut at the width. Python 2.7 and 3 differ in where a hyphen may break: 2.7 needs a
 * letter before it and a word ending in a letter after it, which is why neutron's tables cut
 * {@code bfc87e1e-6b93-446f-a305-6dc6153c1198} as {@code bfc87e1e-6b93-446f-a30} /
 * {@code 5-6dc6153c1198}; 3 needs two letters (or letter-hyphen-letter) before it and a letter after.
 */
final class TextWrap {
    /** textwrap.TextWrapper.wordsep_re of Python 2.7. */
    private static final Pattern PY2_WORD_SEPARATOR = Pattern.compile(
            "(\\s+|[^\\s\\w]*\\w+[^0-9\\W]-(?=\\w+[^0-9\\W])|(?<=[\\w!\"'&.,?])-{2,}(?=\\w))");
    /** textwrap.TextWrapper.wordsep_re of Python 3.7 and later. */
    private static final Pattern PY3_WORD_SEPARATOR = Pattern.compile(
            "(\\s+|(?<=[\\w!\"'&.,?])-{2,}(?=\\w)|\\S+?(?:-(?:(?<=[^\\d\\W]{2}-)|(?<=[^\\d\\W]-[^\\d\\W]-))"
                    + "(?=[^\\d\\W]-?[^\\d\\W])|(?=\\s|\\z)|(?<=[\\w!\"'&.,?])(?=-{2,}\\w)))");

    private TextWrap() {
    }

    /** The lines Python 2.7's {@code textwrap.fill(text, width)} joins with newlines. */
    static List<String> wrap(String text, int width) {
        return wrap(text, width, Python.PY2);
    }

    /** The lines {@code textwrap.fill(text, width)} of this Python joins with newlines. */
    static List<String> wrap(String text, int width, Python python) {
        if (width <= 0) {
            throw new IllegalArgumentException("invalid width " + width + " (must be > 0)");
        }
        List<String> chunks = split(munge(text), python == Python.PY2 ? PY2_WORD_SEPARATOR : PY3_WORD_SEPARATOR);
        Collections.reverse(chunks);
        List<String> lines = new ArrayList<>();
        while (!chunks.isEmpty()) {
            List<String> line = new ArrayList<>();
            int length = 0;
            if (!lines.isEmpty() && isBlank(last(chunks))) {
                chunks.remove(chunks.size() - 1);
            }
            while (!chunks.isEmpty() && length + last(chunks).length() <= width) {
                String chunk = chunks.remove(chunks.size() - 1);
                line.add(chunk);
                length += chunk.length();
            }
            if (!chunks.isEmpty() && last(chunks).length() > width) {
                String longWord = chunks.remove(chunks.size() - 1);
                int end = cut(longWord, width - length, python);
                line.add(longWord.substring(0, end));
                chunks.add(longWord.substring(end));
            }
            if (!line.isEmpty() && isBlank(line.get(line.size() - 1))) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(String.join("", line));
            }
        }
        return lines;
    }

    /**
     * Where a word too long for any line is cut, {@code room} columns being left: there, or in
     * Python 3 just after the last hyphen that fits, if something other than hyphens precedes it.
     */
    private static int cut(String word, int room, Python python) {
        if (python == Python.PY3 && word.length() > room) {
            int hyphen = word.lastIndexOf('-', room - 1);
            if (hyphen > 0 && word.substring(0, hyphen).chars().anyMatch(c -> c != '-')) {
                return hyphen + 1;
            }
        }
        return room;
    }

    static String fill(String text, int width, Python python) {
        return String.join("\n", wrap(text, width, python));
    }

    /** Tabs expanded to 8 columns, every other whitespace character made a space. */
    private static String munge(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int column = 0;
        for (char c : text.toCharArray()) {
            if (c == '\t') {
                int spaces = 8 - column % 8;
                sb.append(" ".repeat(spaces));
                column += spaces;
            } else if (c == '\n' || c == '\r') {
                sb.append(' ');
                column = 0;
            } else {
                sb.append(c == 0x0b || c == 0x0c ? ' ' : c);
                column++;
            }
        }
        return sb.toString();
    }

    /** Python's {@code re.split} with a capturing group: the text between matches and the matches, empties dropped. */
    private static List<String> split(String text, Pattern separator) {
        List<String> chunks = new ArrayList<>();
        Matcher m = separator.matcher(text);
        int at = 0;
        while (m.find()) {
            addIfNotEmpty(chunks, text.substring(at, m.start()));
            addIfNotEmpty(chunks, m.group());
            at = m.end();
        }
        addIfNotEmpty(chunks, text.substring(at));
        return chunks;
    }

    private static void addIfNotEmpty(List<String> chunks, String s) {
        if (!s.isEmpty()) {
            chunks.add(s);
        }
    }

    private static String last(List<String> chunks) {
        return chunks.get(chunks.size() - 1);
    }

    private static boolean isBlank(String s) {
        return s.strip().isEmpty();
    }
}
