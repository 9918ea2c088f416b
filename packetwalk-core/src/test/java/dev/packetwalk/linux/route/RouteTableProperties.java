package dev.packetwalk.linux.route;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.net.Ipv4;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hashed per-prefix-length table answers exactly like a plain scan that follows the
 * kernel's rules: longest prefix first, then metric, reject routes stop the search, a
 * required output device skips routes through other devices.
 */
class RouteTableProperties {

    @Property(tries = 200)
    void lookupMatchesALinearScan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n) {
        Random rnd = new Random(seed);
        RouteTable table = new RouteTable(RouteTables.MAIN, 0);
        List<Route> added = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = rnd.nextInt(33);
            int dst = (0x0a000000 | rnd.nextInt(1 << 20) << 4) & Ipv4.maskOf(len);
            RouteType type = rnd.nextInt(10) == 0 ? RouteType.BLACKHOLE : RouteType.UNICAST;
            int oif = type == RouteType.UNICAST ? 2 + rnd.nextInt(3) : 0;
            Route r = new Route(RouteTables.MAIN, type, dst, len, 0, 0, oif, 0, Scope.UNIVERSE,
                    RouteProtocol.BOOT, rnd.nextInt(4) * 10, false, Scope.HOST);
            try {
                table.insert(r, InsertMode.ADD);
                added.add(r);
            } catch (RuntimeException exists) {
                assertThat(added).anyMatch(o -> o.dst() == dst && o.prefixLength() == len
                        && o.metric() == r.metric());
            }
        }
        FibResult res = new FibResult();
        for (int q = 0; q < 200; q++) {
            int addr = 0x0a000000 | rnd.nextInt(1 << 24);
            int oif = rnd.nextInt(3) == 0 ? 2 + rnd.nextInt(3) : 0;
            Errno e = table.lookup(addr, 0, Scope.UNIVERSE, oif, res);
            Object expected = scan(added, addr, oif);
            if (expected instanceof Route r) {
                assertThat(e).isNull();
                assertThat(res.route()).isEqualTo(r);
            } else {
                assertThat(e).isEqualTo(expected);
            }
        }
    }

    private static Object scan(List<Route> routes, int addr, int oif) {
        for (int len = 32; len >= 0; len--) {
            int l = len;
            List<Route> here = new ArrayList<>(routes.stream()
                    .filter(r -> r.prefixLength() == l && r.covers(addr)).toList());
            here.sort(Comparator.comparingInt(Route::metric));
            for (Route r : here) {
                if (r.type().isReject()) {
                    return r.type().error();
                }
                if (oif == 0 || r.oif() == oif) {
                    return r;
                }
            }
        }
        return Errno.EAGAIN;
    }
}
