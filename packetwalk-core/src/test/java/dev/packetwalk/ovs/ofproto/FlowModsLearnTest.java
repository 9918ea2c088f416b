package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.net.Clock;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowFilter;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.flowmod.FlowModText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FlowMods#learn}: OVS's learn() flow mod, a strict modify that may add (ovs.md §3.6; the
 * refresh and hard_age behaviour measured on OVS 3.1: a refresh at 5 s shows duration=5s, hard_age=0).
 */
class FlowModsLearnTest {
    private final Clock clock = new Clock();
    private final Bridge br = new Bridge("br1", clock);

    private FlowMod mod(String text) {
        return FlowModText.parse(text, Protocol.OPENFLOW10, br, new ArrayList<>());
    }

    private static FlowFilter cookie(long c) {
        return new FlowFilter(FlowFilter.ALL_TABLES, c, -1L, dev.packetwalk.ovs.flow.Match.CATCH_ALL,
                FlowFilter.NO_PRIORITY, false);
    }

    @Test
    void aRefreshKeepsDurationAndCountersAndRestartsTheHardTimer() {
        Rule first = FlowMods.learn(br, mod("table=10,cookie=0x5,hard_timeout=60,dl_dst=00:00:00:00:00:01,actions=output:3"));
        first.hit(100, clock.nanos());
        clock.advanceMillis(5000);
        Rule again = FlowMods.learn(br, mod("table=10,cookie=0x9,hard_timeout=60,dl_dst=00:00:00:00:00:01,actions=output:2"));
        assertThat(br.table(10).rules()).containsExactly(again);
        assertThat(again.createdNanos()).isZero();
        assertThat(again.modifiedNanos()).isEqualTo(5_000_000_000L);
        assertThat(again.packets()).isEqualTo(1);
        assertThat(again.bytes()).isEqualTo(100);
        assertThat(FlowModText.formatNoStats(again.mod(), Protocol.OPENFLOW10, null)).endsWith("actions=output:2");
        assertThat(FlowMods.select(br, cookie(0x9))).containsExactly(again);
        assertThat(FlowMods.select(br, cookie(0x5))).as("the cookie index follows the refresh").isEmpty();
    }

    @Test
    void learnedFlowsExpireFromTheirLastRefresh() {
        FlowMods.learn(br, mod("table=10,hard_timeout=60,dl_dst=00:00:00:00:00:01,actions=output:3"));
        clock.advanceMillis(30_000);
        FlowMods.learn(br, mod("table=10,hard_timeout=60,dl_dst=00:00:00:00:00:01,actions=output:3"));
        clock.advanceMillis(60_000);
        assertThat(br.expire()).isEmpty();
        clock.advanceMillis(1);
        assertThat(br.expire()).hasSize(1);
        assertThat(br.table(10).rules()).isEmpty();
    }

    @Test
    void idleTimeoutsCountFromTheLastHit() {
        Rule r = FlowMods.add(br, mod("idle_timeout=10,in_port=1,actions=drop"));
        clock.advanceMillis(8000);
        r.hit(60, clock.nanos());
        clock.advanceMillis(9000);
        assertThat(FlowMods.select(br, FlowFilter.ALL)).containsExactly(r);
        clock.advanceMillis(1001);
        assertThat(FlowMods.select(br, FlowFilter.ALL)).isEmpty();
        assertThat(List.of(r.expired(clock.nanos()))).containsExactly(true);
    }
}
