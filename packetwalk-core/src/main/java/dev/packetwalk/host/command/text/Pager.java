package dev.packetwalk.host.command.text;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

/**
 * {@code cat}, {@code more} and {@code less} with their output not on a terminal: standard
 * input passes through. There is no file system yet, so a file operand is reported missing
 * with each tool's own message and status.
 */
final class Pager implements Command {
    private final String missingFormat;
    private final int missingStatus;

    /** {@code missingFormat} is a format for the missing file's name ({@code cat: %s: No such ...}). */
    Pager(String missingFormat, int missingStatus) {
        this.missingFormat = missingFormat;
        this.missingStatus = missingStatus;
    }

    static Pager cat() {
        return new Pager("cat: %s: No such file or directory", 1);
    }

    static Pager more() {
        return new Pager("more: cannot open %s: No such file or directory", 0);
    }

    static Pager less() {
        return new Pager("%s: No such file or directory", 0);
    }

    @Override
    public int run(Invocation inv) {
        int status = 0;
        boolean any = false;
        for (String arg : inv.args()) {
            if (arg.equals("-")) {
                any = true;
                inv.print(inv.stdin());
            } else if (!arg.startsWith("-")) {
                any = true;
                inv.errln(String.format(missingFormat, arg));
                status = missingStatus;
            }
        }
        if (!any) {
            inv.print(inv.stdin());
        }
        return status;
    }
}
