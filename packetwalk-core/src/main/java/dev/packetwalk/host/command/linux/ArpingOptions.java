package dev.packetwalk.host.command.linux;

import java.util.List;

/** iputils arping's options as this emulator reads them. */
record ArpingOptions(boolean quitOnReply, boolean quiet, boolean broadcastOnly, boolean dad, boolean unsolicited,
                     boolean advert, boolean version, long count, double deadline, double interval, String device,
                     String source, String destination) {

    static final String USAGE = String.join("\n", "",
            "Usage:",
            "  arping [options] <destination>",
            "",
            "Options:",
            "  -f            quit on first reply",
            "  -q            be quiet",
            "  -b            keep on broadcasting, do not unicast",
            "  -D            duplicate address detection mode",
            "  -U            unsolicited ARP mode, update your neighbours",
            "  -A            ARP answer mode, update your neighbours",
            "  -V            print version and exit",
            "  -c <count>    how many packets to send",
            "  -w <timeout>  how long to wait for a reply",
            "  -i <interval> set interval between packets (default: 1 second)",
            "  -I <device>   which ethernet device to use",
            "  -s <source>   source ip address",
            "  <destination> dns name or ip address",
            "",
            "For more details see arping(8).");

    /** Thrown with arping's own message and exit status for bad arguments. */
    static final class Invalid extends Exception {
        final int status;

        Invalid(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    static ArpingOptions parse(List<String> args) throws Invalid {
        boolean f = false;
        boolean q = false;
        boolean b = false;
        boolean dad = false;
        boolean u = false;
        boolean a = false;
        boolean v = false;
        long count = -1;
        double deadline = 0;
        double interval = 1;
        String device = null;
        String source = null;
        String dest = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.length() < 2) {
                dest = arg;
                continue;
            }
            for (int j = 1; j < arg.length(); j++) {
                char c = arg.charAt(j);
                switch (c) {
                    case 'f' -> f = true;
                    case 'q' -> q = true;
                    case 'b' -> b = true;
                    case 'D' -> {
                        dad = true;
                        f = true;
                    }
                    case 'U' -> u = true;
                    case 'A' -> {
                        a = true;
                        u = true;
                    }
                    case 'V' -> v = true;
                    case 'c', 'w', 'i', 'I', 's' -> {
                        String value;
                        if (j + 1 < arg.length()) {
                            value = arg.substring(j + 1);
                        } else if (i + 1 < args.size()) {
                            value = args.get(++i);
                        } else {
                            throw new Invalid("arping: option requires an argument -- '" + c + "'\n" + USAGE, 2);
                        }
                        switch (c) {
                            case 'c' -> count = integer(value);
                            case 'w' -> deadline = seconds(value);
                            case 'i' -> interval = seconds(value);
                            case 'I' -> device = value;
                            default -> source = value;
                        }
                        j = arg.length();
                    }
                    default -> throw new Invalid("arping: invalid option -- '" + c + "'\n" + USAGE, 2);
                }
            }
        }
        if (dest == null && !v) {
            throw new Invalid(USAGE, 2);
        }
        return new ArpingOptions(f, q, b, dad, u, a, v, count, deadline, interval, device, source, dest);
    }

    private static long integer(String v) throws Invalid {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Invalid("arping: invalid argument: '" + v + "'", 1);
        }
    }

    private static double seconds(String v) throws Invalid {
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Invalid("arping: invalid argument: '" + v + "'", 1);
        }
    }
}
