package dev.packetwalk.linux.route;

import dev.packetwalk.linux.Errno;

/** The kernel's route types (RTN_*), with the error a lookup that hits one returns. */
public enum RouteType {
    UNICAST("unicast", null),
    LOCAL("local", null),
    BROADCAST("broadcast", null),
    ANYCAST("anycast", null),
    MULTICAST("multicast", null),
    BLACKHOLE("blackhole", Errno.EINVAL),
    UNREACHABLE("unreachable", Errno.EHOSTUNREACH),
    PROHIBIT("prohibit", Errno.EACCES),
    THROW("throw", Errno.EAGAIN);

    private final String keyword;
    private final Errno error;

    RouteType(String keyword, Errno error) {
        this.keyword = keyword;
        this.error = error;
    }

    /** The word iproute2 uses ({@code blackhole}); unicast routes print without it. */
    public String keyword() {
        return keyword;
    }

    /** The error a lookup ending on this type returns, or null when it yields a route. */
    public Errno error() {
        return error;
    }

    /** True for the types that carry no next hop (blackhole, unreachable, prohibit, throw). */
    public boolean isReject() {
        return error != null;
    }

    public static RouteType byKeyword(String word) {
        for (RouteType t : values()) {
            if (t.keyword.equals(word)) {
                return t;
            }
        }
        return null;
    }
}
