package dev.packetwalk.host.command.text;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code awk [-F SEP] PROGRAM} (Debian's mawk) on standard input, for the programs
 * {@link AwkProgram} understands; any other program is refused plainly, exit status 2.
 */
final class Awk implements Command {
    @Override
    public int run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.args());
        String separator = null;
        if (!args.isEmpty() && args.get(0).startsWith("-F")) {
            separator = args.get(0).length() > 2 ? args.remove(0).substring(2) : null;
            if (separator == null) {
                args.remove(0);
                separator = args.isEmpty() ? null : args.remove(0);
            }
        }
        if (args.isEmpty()) {
            inv.errln("usage: mawk [-F value] [-v var=value] [--] 'program text' [file ...]");
            return 2;
        }
        AwkProgram program;
        try {
            program = AwkProgram.parse(args.get(0));
        } catch (AwkProgram.Unsupported e) {
            inv.errln("awk: this program is not emulated (only [/re/] { print $N, ... }): " + e.getMessage());
            return 2;
        }
        for (String file : args.subList(1, args.size())) {
            if (!file.equals("-")) {
                inv.errln("awk: cannot open " + file + " (No such file or directory)");
                return 2;
            }
        }
        long recordNumber = 0;
        for (String line : Lines.of(inv.stdin())) {
            recordNumber++;
            List<String> fields = split(line, separator);
            for (AwkProgram.Rule rule : program.rules()) {
                if (rule.pattern() == null || rule.pattern().matcher(line).find()) {
                    for (List<AwkProgram.Item> print : rule.prints()) {
                        StringBuilder text = new StringBuilder();
                        for (AwkProgram.Item item : print) {
                            text.append(item.separator() ? " " : "").append(item.value(line, fields, recordNumber));
                        }
                        inv.println(text.toString());
                    }
                }
            }
        }
        return 0;
    }

    /** Fields the awk way: blank-separated by default, else split on one character or an ERE. */
    private static List<String> split(String line, String separator) {
        if (separator == null || separator.equals(" ")) {
            String trimmed = line.strip();
            return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("[ \\t]+"));
        }
        String regex = separator.length() == 1 ? Pattern.quote(separator) : separator;
        return line.isEmpty() ? List.of() : Arrays.asList(line.split(regex, -1));
    }
}
