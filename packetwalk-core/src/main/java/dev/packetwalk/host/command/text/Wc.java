package dev.packetwalk.host.command.text;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GNU {@code wc} on standard input: newlines, words and bytes ({@code -l -w -c}, characters
 * {@code -m}, longest line {@code -L}); with several counts each is right-aligned in 7 columns,
 * a single count is printed bare.
 */
final class Wc implements Command {
    private static final String ORDER = "lwmcL";
    private static final GnuOptions OPTIONS = new GnuOptions("lwmcL", Map.of(
            "lines", "l", "words", "w", "chars", "m", "bytes", "c", "max-line-length", "L"));

    @Override
    public int run(Invocation inv) {
        GnuOptions.Parsed parsed;
        try {
            parsed = OPTIONS.parse(inv.args());
        } catch (GnuOptions.UsageError e) {
            return CoreutilsErrors.usage(inv, e.getMessage(), 1);
        }
        StringBuilder wanted = new StringBuilder();
        for (GnuOptions.Option o : parsed.options()) {
            wanted.append(o.key());
        }
        String selection = wanted.length() == 0 ? "lwc" : wanted.toString();
        int status = CoreutilsErrors.reportMissing(inv, parsed.operands(), "wc: %s: No such file or directory") ? 1 : 0;
        if (!CoreutilsErrors.readsStdin(parsed.operands())) {
            return status;
        }
        List<Long> counts = new ArrayList<>();
        for (char c : ORDER.toCharArray()) {
            if (selection.indexOf(c) >= 0) {
                counts.add(count(c, inv.stdin()));
            }
        }
        String format = counts.size() == 1 ? "%d" : "%7d";
        List<String> cells = new ArrayList<>();
        for (long n : counts) {
            cells.add(String.format(format, n));
        }
        inv.println(String.join(" ", cells) + (parsed.operands().contains("-") ? " -" : ""));
        return status;
    }

    private static long count(char what, String text) {
        return switch (what) {
            case 'l' -> text.chars().filter(c -> c == '\n').count();
            case 'w' -> words(text);
            case 'm' -> text.codePointCount(0, text.length());
            case 'c' -> text.getBytes(StandardCharsets.UTF_8).length;
            default -> Lines.of(text).stream().mapToLong(String::length).max().orElse(0);
        };
    }

    private static long words(String text) {
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
