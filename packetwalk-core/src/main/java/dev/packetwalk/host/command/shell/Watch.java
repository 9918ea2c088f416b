package dev.packetwalk.host.command.shell;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.host.Screen;
import dev.packetwalk.host.Shell;
import dev.packetwalk.host.WallClock;

import java.util.List;

/**
 * procps-ng {@code watch [-n SECS] [-d] [-t] CMD}. On a screen it re-runs CMD every SECS
 * seconds of virtual time until a key is pressed; in a script (no screen) it prints the
 * header, a blank line and one run of CMD, and returns CMD's status.
 */
final class Watch implements Command {
    static final int SCRIPT_WIDTH = 80;

    private static final String USAGE = """

            Usage:
             watch [options] command

            Options:
              -b, --beep             beep if command has a non-zero exit
              -c, --color            interpret ANSI color and style sequences
              -d, --differences[=<permanent>]
                                     highlight changes between updates
              -e, --errexit          exit if command has a non-zero exit
              -g, --chgexit          exit when output from command changes
              -q, --equexit <cycles>
                                     exit when output from command does not change
              -n, --interval <secs>  seconds to wait between updates
              -p, --precise          attempt run command in precise intervals
              -t, --no-title         turn off header
              -w, --no-wrap          turn off line wrapping
              -x, --exec             pass command to exec instead of "sh -c"

             -h, --help     display this help and exit
             -v, --version  output version information and exit

            For more details see watch(1).
            """;

    @Override
    public int run(Invocation inv) {
        WatchRequest request;
        try {
            request = WatchRequest.parse(inv.args());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null) {
                inv.err().append(USAGE);
            } else {
                inv.errln("watch: " + e.getMessage());
            }
            return 1;
        }
        Screen screen = inv.shell().screen();
        if (screen == null) {
            String header = header(inv, request, SCRIPT_WIDTH);
            StringBuilder output = new StringBuilder();
            int status = runOnce(inv, request, output);
            inv.print(header + output);
            return status;
        }
        try {
            repeat(inv, request, screen);
        } finally {
            screen.restore();
        }
        return 0;
    }

    private static void repeat(Invocation inv, WatchRequest request, Screen screen) {
        String previous = null;
        while (true) {
            String header = header(inv, request, screen.columns());
            StringBuilder output = new StringBuilder();
            runOnce(inv, request, output);
            String shown = request.differences() && previous != null
                    ? Differences.highlight(previous, output.toString()) : output.toString();
            previous = output.toString();
            screen.show(header + shown);
            if (screen.keyPressedWithin(request.intervalMillis())) {
                return;
            }
            inv.host().clock().advanceMillis(request.intervalMillis());
        }
    }

    private static int runOnce(Invocation inv, WatchRequest request, StringBuilder output) {
        Shell child = inv.shell().commandStringShell("sh");
        child.enterNamespace(inv.namespace());
        return child.runLine(request.command(), output, output);
    }

    /** The header line and the blank line under it (nothing with {@code -t}), dated now. */
    private static String header(Invocation inv, WatchRequest request, int width) {
        if (!request.title()) {
            return "";
        }
        WatchHeader header = new WatchHeader(request.interval(), request.command(),
                inv.host().name(), WallClock.now(inv.host().clock()));
        return header.render(width) + "\n\n";
    }

    /** The parsed command line of {@code watch}. */
    record WatchRequest(double interval, boolean differences, boolean title, String command) {
        long intervalMillis() {
            return Math.round(interval * 1000);
        }

        /** Parses options; IllegalArgumentException with null message means "print usage". */
        static WatchRequest parse(List<String> args) {
            double interval = 2.0;
            boolean differences = false;
            boolean title = true;
            int i = 0;
            for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
                String a = args.get(i);
                if (a.equals("--")) {
                    i++;
                    break;
                }
                if (a.equals("-n") || a.equals("--interval")) {
                    if (++i >= args.size()) {
                        throw new IllegalArgumentException((String) null);
                    }
                    interval = seconds(args.get(i));
                } else if (a.startsWith("--interval=")) {
                    interval = seconds(a.substring("--interval=".length()));
                } else if (a.startsWith("-n")) {
                    interval = seconds(a.substring(2));
                } else if (a.equals("-d") || a.startsWith("--differences")) {
                    differences = true;
                } else if (a.equals("-t") || a.equals("--no-title")) {
                    title = false;
                } else if (a.equals("-dt") || a.equals("-td")) {
                    differences = true;
                    title = false;
                } else {
                    throw new IllegalArgumentException((String) null);
                }
            }
            if (i >= args.size()) {
                throw new IllegalArgumentException((String) null);
            }
            return new WatchRequest(interval, differences, title, String.join(" ", args.subList(i, args.size())));
        }

        private static double seconds(String text) {
            double value;
            try {
                value = Double.parseDouble(text.replace(',', '.'));
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (Double.isNaN(value) || !text.matches("[0-9.,]+")) {
                throw new IllegalArgumentException("failed to parse argument: '" + text + "': Invalid argument");
            }
            return Math.max(0.1, value);
        }
    }
}
