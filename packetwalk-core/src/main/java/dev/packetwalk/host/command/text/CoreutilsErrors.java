package dev.packetwalk.host.command.text;

import dev.packetwalk.host.Invocation;

import java.util.List;

/** How GNU coreutils report a bad command line: the message, then where to find help. */
final class CoreutilsErrors {
    private CoreutilsErrors() {
    }

    /** Prints {@code PROG: message} and the {@code --help} hint; returns {@code status}. */
    static int usage(Invocation inv, String message, int status) {
        inv.errln(inv.name() + ": " + message);
        inv.errln("Try '" + inv.name() + " --help' for more information.");
        return status;
    }

    /**
     * The operands that name files rather than standard input ({@code -}). There is no file
     * system yet, so every one of them is reported missing by the caller.
     */
    static List<String> files(List<String> operands) {
        return operands.stream().filter(f -> !f.equals("-")).toList();
    }

    /** Whether standard input is read: no operands, or {@code -} among them. */
    static boolean readsStdin(List<String> operands) {
        return operands.isEmpty() || operands.contains("-");
    }

    /** Reports each file with {@code format} (one {@code %s}); true when there was any. */
    static boolean reportMissing(Invocation inv, List<String> operands, String format) {
        List<String> files = files(operands);
        files.forEach(file -> inv.errln(String.format(format, file)));
        return !files.isEmpty();
    }

    /** GNU's quoting of a user value in messages under a UTF-8 locale: ‘value’. */
    static String quote(String value) {
        return "\u2018" + value + "\u2019";
    }
}
