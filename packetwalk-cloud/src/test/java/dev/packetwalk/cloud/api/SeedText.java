package dev.packetwalk.cloud.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The output a seed walkthrough shows after one of its command lines: the lines up to the end
 * of the code block, with the post's indentation and trailing spaces removed.
 */
final class SeedText {
    private SeedText() {
    }

    /** The seeds folder: ../shared/seeds beside the repository (the build's {@code packetwalk.root}). */
    static Path seeds() {
        return Path.of(System.getProperty("packetwalk.root", "."), "..", "shared", "seeds").normalize();
    }

    /** The output lines after the first line containing {@code command}, until the code block closes. */
    static List<String> after(String seed, String command) {
        List<String> lines;
        try {
            lines = Files.readAllLines(seeds().resolve(seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(command)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException(seed + " has no line with " + command);
        }
        String indent = lines.get(at).substring(0, lines.get(at).length() - lines.get(at).stripLeading().length());
        List<String> block = new ArrayList<>();
        for (int i = at + 1; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
            String line = lines.get(i).stripTrailing();
            block.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
        }
        while (!block.isEmpty() && block.get(block.size() - 1).isEmpty()) {
            block.remove(block.size() - 1);
        }
        return block;
    }
}
