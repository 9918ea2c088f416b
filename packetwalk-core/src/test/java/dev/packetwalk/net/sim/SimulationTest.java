package dev.packetwalk.net.sim;

import dev.packetwalk.net.Clock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationTest {
    @Test
    void runsEventsInTimeOrderThenSchedulingOrder() {
        Clock clock = new Clock();
        Simulation sim = new Simulation(clock, Simulation.Mode.LIVE);
        List<String> seen = new ArrayList<>();
        sim.schedule(2_000, () -> seen.add("late@" + clock.nanos()));
        sim.schedule(1_000, () -> seen.add("a@" + clock.nanos()));
        sim.schedule(1_000, () -> {
            seen.add("b@" + clock.nanos());
            sim.schedule(0, () -> seen.add("caused-by-b@" + clock.nanos()));
        });
        assertThat(sim.run()).isEqualTo(4);
        assertThat(seen).containsExactly("a@1000", "b@1000", "caused-by-b@1000", "late@2000");
        assertThat(sim.idle()).isTrue();
    }

    @Test
    void stopsARunawayLoopAtTheLimit() {
        Simulation sim = new Simulation(new Clock(), Simulation.Mode.DRY);
        Runnable[] loop = new Runnable[1];
        loop[0] = () -> sim.schedule(1, loop[0]);
        sim.schedule(0, loop[0]);
        assertThat(sim.run(50)).isEqualTo(50);
        assertThat(sim.limitReached()).isTrue();
    }

    @Test
    void runUntilLeavesLaterEventsQueued() {
        Clock clock = new Clock();
        Simulation sim = new Simulation(clock, Simulation.Mode.LIVE);
        sim.schedule(10, () -> { });
        sim.schedule(100, () -> { });
        assertThat(sim.runUntil(50)).isEqualTo(1);
        assertThat(clock.nanos()).isEqualTo(50);
        assertThat(sim.idle()).isFalse();
    }
}
