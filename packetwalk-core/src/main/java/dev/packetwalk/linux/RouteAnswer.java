package dev.packetwalk.linux;

import dev.packetwalk.linux.route.Route;
import dev.packetwalk.linux.route.RouteType;

/**
 * What the kernel answers to {@code ip route get}: the resolved route as rt_fill_info
 * describes it. {@code from} is the source the request named (0 if none), {@code prefsrc} the
 * source the kernel chose, {@code iif} the input device for input routes (0 for output),
 * {@code rulePriority} the policy rule that chose the table (unsigned), or -1 when the kernel
 * consulted no rules (local and main merged).
 */
public record RouteAnswer(RouteType type, int dst, int from, int gateway, int dev, int table,
                          int prefsrc, int mark, int iif, int cacheFlags, Route route, long rulePriority) {
    public static final int LOCAL = 1;
    public static final int BROADCAST = 2;
    public static final int REDIRECT = 4;

    public boolean isInput() {
        return iif != 0;
    }
}
