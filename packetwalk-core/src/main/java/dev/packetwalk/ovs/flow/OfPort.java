package dev.packetwalk.ovs.flow;

import java.util.List;
import java.util.Locale;

/** OpenFlow 1.0 port numbers and the reserved ports' names. */
public final class OfPort {
    public static final int MAX = 0xff00;
    public static final int IN_PORT = 0xfff8;
    public static final int TABLE = 0xfff9;
    public static final int NORMAL = 0xfffa;
    public static final int FLOOD = 0xfffb;
    public static final int ALL = 0xfffc;
    public static final int CONTROLLER = 0xfffd;
    public static final int LOCAL = 0xfffe;
    public static final int NONE = 0xffff;

    private static final List<String> RESERVED =
            List.of("IN_PORT", "TABLE", "NORMAL", "FLOOD", "ALL", "CONTROLLER", "LOCAL", "ANY");

    private OfPort() {
    }

    /** The reserved name of a port number (ANY for 0xffff), or null. */
    public static String reservedName(int port) {
        return port >= IN_PORT && port <= NONE ? RESERVED.get(port - IN_PORT) : null;
    }

    /** The number of a reserved name (case-insensitive; NONE and ANY both 0xffff), or -1. */
    public static int reservedNumber(String name) {
        String up = name.toUpperCase(Locale.ROOT);
        if (up.equals("NONE")) {
            return NONE;
        }
        int i = RESERVED.indexOf(up);
        return i < 0 ? -1 : IN_PORT + i;
    }

    /** {@code LOCAL}, {@code IN_PORT} ... for reserved ports, else the decimal number. */
    public static String format(int port) {
        String r = reservedName(port);
        return r != null ? r : Integer.toString(port);
    }
}
