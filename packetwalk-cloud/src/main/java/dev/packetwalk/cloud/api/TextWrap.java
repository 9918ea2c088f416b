package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python 2.7's {@code textwrap.fill(text, width)}, which prettytable uses to wrap a cell wider
 * than its column: words split at whitespace and after the hyphen of a hyphenated word (a letter
 * before it, a word ending in a letter after it), words longer than a line cut at the width.
 * This is why neutron's tables cut {@code bfc87e1e-6b93-446f-a305-6dc6153c1198} as
 * {@code bfc87e1e-6b93-446f-a30} / {@code 5-6dc6153c1198}.
 */
final class TextWrap {
    /** textwrap.TextWrapper.wordsep_re of Python 2.7. */
    private static final Pattern WORD_SEPARATOR = Pattern.compile(
            "(\\s+|[^\\s\\w]*\\w+[^0-9\\W]-(?=\\w+[^0-9\\W])|(?<=[\\w!\"'&.,?])-{2,}(?=\\w))");

    private TextWrap() {
    }

    /** The lines {@code textwrap.fill(text, width)} joins with newlines. */
    static List<String> wrap(String text, int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("invalid width " + width + " (must be > 0)");
        }
        List<String> chunks = split(munge(text));
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
                int room = width - length;
                line.add(longWord.substring(0, room));
                chunks.add(longWord.substring(room));
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

    static String fill(String text, int width) {
        return String.join("\n", wrap(text, width));
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
    private static List<String> split(String text) {
        List<String> chunks = new ArrayList<>();
        Matcher m = WORD_SEPARATOR.matcher(text);
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
