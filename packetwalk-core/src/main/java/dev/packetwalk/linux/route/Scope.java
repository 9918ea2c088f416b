package dev.packetwalk.linux.route;

/** Route and address scopes (RT_SCOPE_*), as numbers and as iproute2 names them. */
public final class Scope {
    public static final int UNIVERSE = 0;
    public static final int SITE = 200;
    public static final int LINK = 253;
    public static final int HOST = 254;
    public static final int NOWHERE = 255;

    private Scope() {
    }

    /** iproute2's name: global, site, link, host, nowhere, or the number. */
    public static String name(int scope) {
        return switch (scope) {
            case UNIVERSE -> "global";
            case SITE -> "site";
            case LINK -> "link";
            case HOST -> "host";
            case NOWHERE -> "nowhere";
            default -> Integer.toString(scope);
        };
    }

    /** Parses a scope name or number; returns -1 when it is neither. */
    public static int parse(String text) {
        return switch (text) {
            case "global", "universe" -> UNIVERSE;
            case "site" -> SITE;
            case "link" -> LINK;
            case "host" -> HOST;
            case "nowhere" -> NOWHERE;
            default -> {
                int v = Numbers.parseUnsigned(text, 255);
                yield v;
            }
        };
    }
}
