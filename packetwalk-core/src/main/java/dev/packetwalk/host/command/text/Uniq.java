package dev.packetwalk.host.command.text;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.util.List;
import java.util.Map;

/** GNU {@code uniq} on standard input: {@code -c} (counts), {@code -d}, {@code -u}, {@code -i}. */
final class Uniq implements Command {
    private static final GnuOptions OPTIONS = new GnuOptions("cdui", Map.of(
            "count", "c", "repeated", "d", "unique", "u", "ignore-case", "i"));

    @Override
    public int run(Invocation inv) {
        GnuOptions.Parsed parsed;
        try {
            parsed = OPTIONS.parse(inv.args());
        } catch (GnuOptions.UsageError e) {
            return CoreutilsErrors.usage(inv, e.getMessage(), 1);
        }
        String flags = parsed.options().stream().map(GnuOptions.Option::key).reduce("", String::concat);
        List<String> files = CoreutilsErrors.files(parsed.operands());
        if (!files.isEmpty()) {
            inv.errln("uniq: " + files.get(0) + ": No such file or directory");
            return 1;
        }
        List<String> lines = Lines.of(inv.stdin());
        int i = 0;
        while (i < lines.size()) {
            int j = i + 1;
            while (j < lines.size() && same(lines.get(i), lines.get(j), flags.contains("i"))) {
                j++;
            }
            int run = j - i;
            boolean show = (!flags.contains("d") || run > 1) && (!flags.contains("u") || run == 1);
            if (show) {
                inv.println(flags.contains("c") ? String.format("%7d %s", run, lines.get(i)) : lines.get(i));
            }
            i = j;
        }
        return 0;
    }

    private static boolean same(String a, String b, boolean ignoreCase) {
        return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
    }
}
