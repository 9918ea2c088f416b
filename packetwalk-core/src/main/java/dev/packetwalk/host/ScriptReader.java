package dev.packetwalk.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a script the way bash reads its standard input: one complete command line at a
 * time, joining physical lines while a quote is open, a line ends with a backslash, or the
 * line ends with {@code |}, {@code &&} or {@code ||}.
 */
public final class ScriptReader {
    /** One complete command line and the number of the last physical line it used. */
    public record Chunk(String text, int lineNumber) {
    }

    /** Where physical lines come from; returns null at the end. */
    @FunctionalInterface
    public interface LineSource {
        String nextLine();
    }

    private final LineSource source;
    private int lineNumber;

    public ScriptReader(LineSource source) {
        this.source = source;
    }

    public static ScriptReader of(String script) {
        List<String> lines = List.of(script.split("\n", -1));
        int count = script.endsWith("\n") ? lines.size() - 1 : lines.size();
        Iterator<String> it = lines.subList(0, count).iterator();
        return new ScriptReader(() -> it.hasNext() ? it.next() : null);
    }

    public static ScriptReader of(BufferedReader reader) {
        return new ScriptReader(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The next command line, or null at the end. At the end of input an incomplete line gives
     * its complete prefix if it only lacks a trailing backslash's next line; otherwise the
     * chunk is returned as it is and parsing it reports bash's error.
     */
    public Chunk next() {
        String line = source.nextLine();
        if (line == null) {
            return null;
        }
        lineNumber++;
        int firstLine = lineNumber;
        StringBuilder text = new StringBuilder(line);
        while (ShellWords.incomplete(text.toString())) {
            String more = source.nextLine();
            if (more == null) {
                if (ShellWords.endsWithContinuation(text.toString())) {
                    text.setLength(text.length() - 1);
                } else if (ShellWords.quoteOpen(text.toString())) {
                    return new Chunk(text.toString(), firstLine);
                } else {
                    lineNumber++;
                }
                break;
            }
            lineNumber++;
            text.append('\n').append(more);
        }
        return new Chunk(text.toString(), lineNumber);
    }
}
