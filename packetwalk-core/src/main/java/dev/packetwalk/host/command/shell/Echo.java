package dev.packetwalk.host.command.shell;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.util.List;

/** bash's {@code echo} builtin: {@code -n} (no newline), {@code -e}/{@code -E} (escapes on/off). */
final class Echo implements Command {
    @Override
    public int run(Invocation inv) {
        List<String> args = inv.args();
        boolean newline = true;
        boolean escapes = false;
        int first = 0;
        while (first < args.size() && args.get(first).matches("-[neE]+")) {
            for (char c : args.get(first).substring(1).toCharArray()) {
                if (c == 'n') {
                    newline = false;
                } else {
                    escapes = c == 'e';
                }
            }
            first++;
        }
        StringBuilder text = new StringBuilder(String.join(" ", args.subList(first, args.size())));
        if (escapes && !interpret(text)) {
            inv.print(text.toString());
            return 0;
        }
        inv.print(text.toString());
        if (newline) {
            inv.print("\n");
        }
        return 0;
    }

    /** Replaces backslash escapes in place; false when {@code \c} cut the output short. */
    private static boolean interpret(StringBuilder text) {
        StringBuilder result = new StringBuilder();
        String s = text.toString();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                result.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> result.append('\007');
                case 'b' -> result.append('\b');
                case 'c' -> {
                    text.setLength(0);
                    text.append(result);
                    return false;
                }
                case 'e', 'E' -> result.append('\033');
                case 'f' -> result.append('\f');
                case 'n' -> result.append('\n');
                case 'r' -> result.append('\r');
                case 't' -> result.append('\t');
                case 'v' -> result.append('\013');
                case '\\' -> result.append('\\');
                case '0' -> i = number(s, i, 3, 8, result);
                case 'x' -> i = number(s, i, 2, 16, result);
                case 'u' -> i = number(s, i, 4, 16, result);
                case 'U' -> i = number(s, i, 8, 16, result);
                default -> result.append('\\').append(e);
            }
        }
        text.setLength(0);
        text.append(result);
        return true;
    }

    /** Reads up to {@code max} digits in {@code radix} at {@code i}, appends the character. */
    private static int number(String s, int i, int max, int radix, StringBuilder result) {
        int end = i;
        while (end < s.length() && end - i < max && Character.digit(s.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == i && radix == 16) {
            result.append('\\').append(s.charAt(i - 1));
            return i;
        }
        int code = end == i ? 0 : Integer.parseInt(s.substring(i, end), radix);
        result.appendCodePoint(radix == 8 ? code & 0xff : code);
        return end;
    }
}
