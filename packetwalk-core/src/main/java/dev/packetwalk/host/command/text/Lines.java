package dev.packetwalk.host.command.text;

import java.util.ArrayList;
import java.util.List;

/** Text as lines, the way line-oriented tools read it: a missing final newline still ends a line. */
final class Lines {
    private Lines() {
    }

    static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int eol = text.indexOf('\n', start);
            if (eol < 0) {
                lines.add(text.substring(start));
                break;
            }
            lines.add(text.substring(start, eol));
            start = eol + 1;
        }
        return lines;
    }

    static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
