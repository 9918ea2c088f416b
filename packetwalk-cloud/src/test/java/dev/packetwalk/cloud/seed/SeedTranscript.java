package dev.packetwalk.cloud.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command exchanges of a seed walkthrough: each fenced block's {@code node# command} lines
 * and the output the seed prints under them, with the seed line they start on. The text is
 * the seed's own; only the author's annotations ({@code --> ...}) are cut off.
 */
public final class SeedTranscript {
    private static final Pattern PROMPT = Pattern.compile("^\\s*([A-Za-z0-9-]*) ?# (.+?)\\s*$");

    /** One command as the seed shows it: where, what, and what it printed (possibly with "..." gaps). */
    public record Exchange(int line, String prompt, String command, List<String> output) {
    }

    private SeedTranscript() {
    }

    /** The seeds folder: ../shared/seeds beside the repository root the build names. */
    public static Path seeds() {
        return Path.of(System.getProperty("packetwalk.root", "."), "..", "shared", "seeds").normalize();
    }

    public static List<Exchange> read(String seedFile) {
        try {
            return parse(Files.readAllLines(seeds().resolve(seedFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the fenced block whose first line is {@code firstLine} (1-based), without the fences. */
    public static List<String> block(String seedFile, int firstLine) {
        try {
            List<String> lines = Files.readAllLines(seeds().resolve(seedFile));
            List<String> out = new ArrayList<>();
            for (int i = firstLine - 1; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
                out.add(lines.get(i));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Exchange> parse(List<String> lines) {
        List<Exchange> out = new ArrayList<>();
        boolean inBlock = false;
        String prompt = null;
        String command = null;
        int start = 0;
        List<String> output = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().startsWith("```")) {
                if (inBlock && command != null) {
                    out.add(new Exchange(start, prompt, command, List.copyOf(output)));
                }
                inBlock = !inBlock;
                command = null;
                output.clear();
                continue;
            }
            if (!inBlock) {
                continue;
            }
            Matcher m = PROMPT.matcher(line);
            if (m.matches() && !line.trim().startsWith("# ") || m.matches() && looksLikeCommand(m.group(2))) {
                if (command != null) {
                    out.add(new Exchange(start, prompt, command, List.copyOf(output)));
                }
                prompt = m.group(1);
                command = m.group(2);
                start = i + 1;
                output.clear();
            } else if (command != null) {
                int note = line.indexOf("-->");
                output.add(note >= 0 ? line.substring(0, note) : line);
            }
        }
        return out;
    }

    private static boolean looksLikeCommand(String text) {
        return text.startsWith("neutron ") || text.startsWith("nova ") || text.startsWith("ip ");
    }
}
