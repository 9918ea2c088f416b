package dev.packetwalk.host.command.text;

import dev.packetwalk.host.Invocation;

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

    /** GNU's quoting of a user value in messages under a UTF-8 locale: ‘value’. */
    static String quote(String value) {
        return "\u2018" + value + "\u2019";
    }
}
