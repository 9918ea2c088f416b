package dev.packetwalk.host.command.text;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GNU {@code head} and {@code tail} on standard input, by lines: {@code -n N}, {@code -N};
 * {@code head -n -N} drops the last N lines, {@code tail -n +N} starts at line N.
 */
final class HeadTail implements Command {
    private static final GnuOptions OPTIONS = new GnuOptions("n:qv", Map.of(
            "lines=", "n", "quiet", "q", "silent", "q", "verbose", "v"));

    private final boolean head;

    HeadTail(boolean head) {
        this.head = head;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.args());
        if (!args.isEmpty() && (args.get(0).matches("-\\d+") || (!head && args.get(0).matches("\\+\\d+")))) {
            String first = args.get(0);
            args.set(0, "-n" + (first.startsWith("+") ? first : first.substring(1)));
        }
        GnuOptions.Parsed parsed;
        try {
            parsed = OPTIONS.parse(args);
        } catch (GnuOptions.UsageError e) {
            return CoreutilsErrors.usage(inv, e.getMessage(), 1);
        }
        LineCount count = new LineCount(10, false, false);
        for (GnuOptions.Option o : parsed.options()) {
            if (o.key().equals("n")) {
                try {
                    count = LineCount.parse(o.value());
                } catch (IllegalArgumentException e) {
                    inv.errln(inv.name() + ": " + e.getMessage());
                    return 1;
                }
            }
        }
        int status = CoreutilsErrors.reportMissing(inv, parsed.operands(),
                inv.name() + ": cannot open '%s' for reading: No such file or directory") ? 1 : 0;
        if (CoreutilsErrors.readsStdin(parsed.operands())) {
            inv.print(head ? head(inv.stdin(), count) : tail(inv.stdin(), count));
        }
        return status;
    }

    private static String head(String text, LineCount count) {
        if (count.allBut()) {
            long keep = Math.max(0, LineCount.lines(text) - count.count());
            return text.substring(0, LineCount.afterLine(text, keep));
        }
        return text.substring(0, LineCount.afterLine(text, count.count()));
    }

    private static String tail(String text, LineCount count) {
        if (count.fromStart()) {
            return text.substring(LineCount.afterLine(text, Math.max(0, count.count() - 1)));
        }
        long skip = Math.max(0, LineCount.lines(text) - count.count());
        return text.substring(LineCount.afterLine(text, skip));
    }
}
