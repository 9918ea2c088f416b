package dev.packetwalk.host.command.text;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * GNU {@code sort} in the C.UTF-8 locale (code-point order) on standard input:
 * {@code -n -r -u -f -b -s}, {@code -k START[,END]} and {@code -t SEP}. Lines with equal keys
 * fall back to comparing whole lines unless {@code -s} or {@code -u}.
 */
final class Sort implements Command {
    private static final GnuOptions OPTIONS = new GnuOptions("nrufbsk:t:", Map.of(
            "numeric-sort", "n", "reverse", "r", "unique", "u", "ignore-case", "f",
            "ignore-leading-blanks", "b", "stable", "s", "key=", "k", "field-separator=", "t"));

    @Override
    public int run(Invocation inv) {
        GnuOptions.Parsed parsed;
        try {
            parsed = OPTIONS.parse(inv.args());
        } catch (GnuOptions.UsageError e) {
            return CoreutilsErrors.usage(inv, e.getMessage(), 2);
        }
        StringBuilder global = new StringBuilder();
        List<String> keySpecs = new ArrayList<>();
        Character separator = null;
        for (GnuOptions.Option o : parsed.options()) {
            switch (o.key()) {
                case "k" -> keySpecs.add(o.value());
                case "t" -> {
                    if (o.value().length() != 1) {
                        inv.errln("sort: multi-character tab " + CoreutilsErrors.quote(o.value()));
                        return 2;
                    }
                    separator = o.value().charAt(0);
                }
                default -> global.append(o.key());
            }
        }
        String options = global.toString();
        List<SortKey> keys = new ArrayList<>();
        try {
            for (String spec : keySpecs) {
                keys.add(SortKey.parse(spec, options));
            }
        } catch (IllegalArgumentException e) {
            return CoreutilsErrors.usage(inv, e.getMessage(), 2);
        }
        if (keys.isEmpty()) {
            keys.add(SortKey.wholeLine(options));
        }
        List<String> files = CoreutilsErrors.files(parsed.operands());
        if (!files.isEmpty()) {
            inv.errln("sort: cannot read: " + files.get(0) + ": No such file or directory");
            return 2;
        }
        Comparator<String> byKeys = null;
        for (SortKey key : keys) {
            Comparator<String> c = key.comparator(separator);
            byKeys = byKeys == null ? c : byKeys.thenComparing(c);
        }
        boolean unique = options.contains("u");
        Comparator<String> order = unique || options.contains("s") ? byKeys
                : byKeys.thenComparing(Comparator.naturalOrder());
        if (options.contains("r")) {
            order = order.reversed();
        }
        List<String> lines = new ArrayList<>(Lines.of(inv.stdin()));
        lines.sort(order);
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            if (!unique || result.isEmpty() || order.compare(result.get(result.size() - 1), line) != 0) {
                result.add(line);
            }
        }
        inv.print(Lines.join(result));
        return 0;
    }
}
