package dev.packetwalk.host.command.linux;

import java.util.List;

/** iputils ping's options as this emulator reads them. */
record PingOptions(long count, double interval, double linger, double deadline, String iface, int size, int ttl,
                   boolean numeric, boolean quiet, String destination) {

    /** Thrown with ping's own message and exit status for bad arguments. */
    static final class Invalid extends Exception {
        final int status;

        Invalid(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    static PingOptions parse(List<String> args) throws Invalid {
        long count = 0;
        double interval = 1;
        double linger = 10;
        double deadline = 0;
        String iface = null;
        int size = 56;
        int ttl = 64;
        boolean numeric = false;
        boolean quiet = false;
        String dest = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.length() < 2) {
                dest = a;
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                if (c == 'n') {
                    numeric = true;
                    continue;
                }
                if (c == 'q') {
                    quiet = true;
                    continue;
                }
                if ("ciWwIst".indexOf(c) < 0) {
                    throw new Invalid("ping: invalid option -- '" + c + "'", 2);
                }
                String v;
                if (j + 1 < a.length()) {
                    v = a.substring(j + 1);
                } else if (i + 1 < args.size()) {
                    v = args.get(++i);
                } else {
                    throw new Invalid("ping: option requires an argument -- '" + c + "'", 2);
                }
                switch (c) {
                    case 'c' -> count = number(v, 1, Long.MAX_VALUE);
                    case 'i' -> interval = seconds(v, "bad timing interval");
                    case 'W' -> linger = seconds(v, "bad linger time");
                    case 'w' -> deadline = number(v, 0, Integer.MAX_VALUE);
                    case 'I' -> iface = v;
                    case 's' -> size = (int) number(v, 0, 65507);
                    case 't' -> ttl = (int) number(v, 0, 255);
                    default -> throw new Invalid("ping: invalid option -- '" + c + "'", 2);
                }
                break;
            }
        }
        if (dest == null) {
            throw new Invalid("ping: usage error: Destination address required", 1);
        }
        return new PingOptions(count, interval, linger, deadline, iface, size, ttl, numeric, quiet, dest);
    }

    private static long number(String v, long min, long max) throws Invalid {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Invalid("ping: invalid argument: '" + v + "'", 1);
        }
        if (n < min || n > max) {
            throw new Invalid("ping: invalid argument: '" + v + "': out of range: " + min + " <= value <= " + max, 1);
        }
        return n;
    }

    private static double seconds(String v, String what) throws Invalid {
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Invalid("ping: " + what + ": " + v, 1);
        }
    }
}
