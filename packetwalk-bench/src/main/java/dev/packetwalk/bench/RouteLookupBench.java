package dev.packetwalk.bench;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.route.Fib;
import dev.packetwalk.linux.route.FibResult;
import dev.packetwalk.linux.route.InsertMode;
import dev.packetwalk.linux.route.PolicyRule;
import dev.packetwalk.linux.route.Route;
import dev.packetwalk.linux.route.RouteProtocol;
import dev.packetwalk.linux.route.RouteTables;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.linux.route.RuleAction;
import dev.packetwalk.linux.route.Scope;
import dev.packetwalk.net.Ipv4;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A policy-routed lookup (the kernel's fib_lookup) over a 10,000-route main table with a
 * few DVR-style rules in front of it (source rules to per-subnet tables, a fwmark rule, the
 * FIP table 16), for destinations spread over the routes and outside them.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteLookupBench {
    private static final int ROUTES = 10_000;
    private static final int QUERIES = 4096;

    private Fib fib;
    private final FibResult result = new FibResult();
    private int[] daddrs;
    private int[] saddrs;
    private int next;

    @Setup
    public void build() {
        SplittableRandom rnd = new SplittableRandom(42);
        fib = new Fib();
        int gw = Ipv4.parse("10.0.0.254");
        int added = 0;
        while (added < ROUTES) {
            int len = 8 + rnd.nextInt(25);
            int dst = rnd.nextInt() & Ipv4.maskOf(len);
            Route r = new Route(RouteTables.MAIN, RouteType.UNICAST, dst, len, 0, gw, 2, 0,
                    Scope.UNIVERSE, RouteProtocol.BOOT, rnd.nextInt(3) * 10, false, Scope.LINK);
            try {
                fib.table(RouteTables.MAIN, true).insert(r, InsertMode.ADD);
                added++;
            } catch (RuntimeException duplicate) {
                // same prefix and metric drawn twice
            }
        }
        fib.table(16, true).insert(new Route(16, RouteType.UNICAST, 0, 0, 0, gw, 3, 0,
                Scope.UNIVERSE, RouteProtocol.BOOT, 0, false, Scope.LINK), InsertMode.ADD);
        for (int i = 0; i < 4; i++) {
            int subnet = Ipv4.parse("10." + i + ".0.0");
            fib.addRule(new PolicyRule(0, false, subnet | 1, 24, 0, 0, 0, 0, 0, null, null,
                    RuleAction.LOOKUP, subnet | 1, 0), false);
        }
        fib.addRule(new PolicyRule(57481, false, Ipv4.parse("10.0.0.5"), 32, 0, 0, 0, 0, 0,
                null, null, RuleAction.LOOKUP, 16, 0), true);
        fib.addRule(new PolicyRule(100, false, 0, 0, 0, 0, 0, 0x10, 0xff, null, null,
                RuleAction.LOOKUP, 16, 0), true);
        daddrs = new int[QUERIES];
        saddrs = new int[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            daddrs[i] = rnd.nextInt();
            saddrs[i] = rnd.nextInt(4) == 0 ? Ipv4.parse("10.0.0.7") : Ipv4.parse("192.168.1.1");
        }
    }

    @Benchmark
    public Errno policyLookup() {
        int i = next++ & (QUERIES - 1);
        return fib.lookup(daddrs[i], saddrs[i], 1, 0, 0, 0, Scope.UNIVERSE, result);
    }
}
