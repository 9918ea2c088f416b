package dev.packetwalk.linux.route;

/** Routing table ids and their names from /etc/iproute2/rt_tables. */
public final class RouteTables {
    public static final int UNSPEC = 0;
    public static final int DEFAULT = 253;
    public static final int MAIN = 254;
    public static final int LOCAL = 255;

    private RouteTables() {
    }

    public static String name(int id) {
        return switch (id) {
            case DEFAULT -> "default";
            case MAIN -> "main";
            case LOCAL -> "local";
            default -> Integer.toUnsignedString(id);
        };
    }

    /** Parses a table name or number (0..2^32-1); returns null when it is neither. */
    public static Integer parse(String text) {
        return switch (text) {
            case "default" -> DEFAULT;
            case "main" -> MAIN;
            case "local" -> LOCAL;
            case "unspec" -> UNSPEC;
            default -> {
                long v = Numbers.parseUnsignedLong(text, 0xffff_ffffL);
                yield v < 0 ? null : (int) v;
            }
        };
    }
}
