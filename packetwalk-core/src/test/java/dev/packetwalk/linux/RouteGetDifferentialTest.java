package dev.packetwalk.linux;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Randomized (seeded) routing set-ups and hundreds of {@code ip route get} queries, answered
 * by the real kernel in a private namespace and by Packetwalk; every answer must agree.
 */
class RouteGetDifferentialTest {
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6};
    private static final int QUERIES = 120;

    @BeforeAll
    static void oracleAvailable() {
        String reason = RealKernel.unavailableReason();
        assumeTrue(reason == null, reason);
    }

    @Test
    void routeGetAgreesWithTheKernel() {
        List<Differential.Outcome> all = new ArrayList<>();
        long gets = 0;
        long getsOk = 0;
        for (long seed : SEEDS) {
            RouteGetScripts gen = new RouteGetScripts(seed);
            List<String> script = new ArrayList<>(gen.setup());
            script.addAll(gen.queries(QUERIES));
            List<Differential.Outcome> outcomes = Differential.compare(script);
            all.addAll(outcomes);
            for (Differential.Outcome o : outcomes) {
                if (o.command().startsWith("ip route get")) {
                    gets++;
                    getsOk += o.agrees() ? 1 : 0;
                }
            }
        }
        System.out.printf("route get: %d/%d queries agree; all commands: %d/%d%n", getsOk, gets,
                Differential.agreeing(all), all.size());
        assertThat(Differential.report(all, 8)).isEmpty();
    }
}
