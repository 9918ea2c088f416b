package dev.packetwalk.host.command.text;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.util.List;
import java.util.regex.Matcher;

/**
 * GNU grep 3.8 on standard input ({@code grep}, {@code egrep} = {@code grep -E},
 * {@code fgrep} = {@code grep -F}): selection (-v -i -w -x), output (-c -o -n -q -m,
 * context -A -B -C). Exit status 0 when a line was selected, 1 when none, 2 on errors.
 */
final class Grep implements Command {
    private static final String USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\n"
            + "Try 'grep --help' for more information.\n";

    private final char syntax;

    Grep(char syntax) {
        this.syntax = syntax;
    }

    @Override
    public int run(Invocation inv) {
        GrepRequest request;
        try {
            request = GrepRequest.parse(inv.args(), syntax);
        } catch (GrepRequest.Refusal e) {
            if (e.getMessage() != null) {
                inv.errln("grep: " + e.getMessage());
            }
            if (e.showUsage) {
                inv.err().append(USAGE);
            }
            return 2;
        }
        boolean selected = CoreutilsErrors.readsStdin(request.files())
                && search(request, Lines.of(inv.stdin()), inv.out());
        boolean missing = CoreutilsErrors.reportMissing(inv, request.files(), "grep: %s: No such file or directory");
        if (request.quiet() && selected) {
            return 0;
        }
        return missing ? 2 : selected ? 0 : 1;
    }

    private static boolean search(GrepRequest request, List<String> lines, StringBuilder out) {
        StringBuilder sink = request.quiet() ? new StringBuilder() : out;
        long count = 0;
        int lastPrinted = -1;
        int afterLeft = 0;
        for (int i = 0; i < lines.size() && count < request.maxCount(); i++) {
            String line = lines.get(i);
            if (!request.selects(line)) {
                if (afterLeft > 0 && !request.count()) {
                    print(sink, request, i, line, '-');
                    lastPrinted = i;
                    afterLeft--;
                }
                continue;
            }
            count++;
            if (request.count()) {
                continue;
            }
            int from = Math.max(lastPrinted + 1, i - request.before());
            if (lastPrinted >= 0 && from > lastPrinted + 1 && (request.before() > 0 || request.after() > 0)) {
                sink.append("--\n");
            }
            for (int j = from; j < i; j++) {
                print(sink, request, j, lines.get(j), '-');
            }
            if (request.onlyMatching()) {
                printMatches(sink, request, i, line);
            } else {
                print(sink, request, i, line, ':');
            }
            lastPrinted = i;
            afterLeft = request.after();
        }
        if (request.count()) {
            sink.append(count).append('\n');
        }
        return count > 0;
    }

    private static void printMatches(StringBuilder out, GrepRequest request, int index, String line) {
        if (request.invert()) {
            return;
        }
        Matcher m = request.pattern().matcher(line);
        while (m.find()) {
            if (m.end() > m.start()) {
                prefix(out, request, index, ':');
                out.append(m.group()).append('\n');
            }
        }
    }

    private static void print(StringBuilder out, GrepRequest request, int index, String line, char separator) {
        prefix(out, request, index, separator);
        out.append(line).append('\n');
    }

    private static void prefix(StringBuilder out, GrepRequest request, int index, char separator) {
        if (request.lineNumbers()) {
            out.append(index + 1).append(separator);
        }
    }
}
