package dev.packetwalk.linux;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Random sequences of state changes and listings: real kernel versus Packetwalk. */
class StateDifferentialTest {
    @BeforeAll
    static void oracleAvailable() {
        String reason = RealKernel.unavailableReason();
        assumeTrue(reason == null, reason);
    }

    @Test
    void randomStateChangesAgreeWithTheKernel() {
        List<Differential.Outcome> all = new ArrayList<>();
        for (long seed = 1; seed <= 12; seed++) {
            all.addAll(Differential.compare(new StateScripts(seed).script(60)));
        }
        System.out.printf("state changes: %d/%d commands agree with the real kernel%n",
                Differential.agreeing(all), all.size());
        assertThat(Differential.report(all, 6)).isEmpty();
    }
}
