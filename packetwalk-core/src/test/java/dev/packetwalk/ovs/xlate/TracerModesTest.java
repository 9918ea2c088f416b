package dev.packetwalk.ovs.xlate;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowText;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowModText;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.FlowMods;
import dev.packetwalk.ovs.ofproto.FlowTable;
import dev.packetwalk.ovs.ofproto.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each {@link Tracer.Mode} may change, as OVS 3.1 behaves (measured with a private
 * ovs-vswitchd, see TraceDifferentialTest's packet cases): a plain trace nothing; {@code -generate}
 * MAC learning and learn() but no counters; a real packet also rule counters, used times and
 * the table lookup/matched counts.
 */
class TracerModesTest {
    private static final String LEARN = "table=0,actions=learn(table=10,hard_timeout=60,NXM_OF_VLAN_TCI[0..11],"
            + "NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],load:NXM_OF_IN_PORT[]->NXM_NX_REG0[0..15]),resubmit(,1)";
    private Host host;
    private Bridge br;

    @BeforeEach
    void build() {
        host = Hosts.dummyDatapath("h");
        new Shell(host).runScript(String.join("\n",
                "ovs-vsctl add-br br1 -- set bridge br1 fail-mode=secure",
                "ovs-vsctl add-port br1 p1 -- set interface p1 type=internal ofport_request=1",
                "ovs-vsctl add-port br1 p2 -- set interface p2 type=internal ofport_request=2"),
                new StringBuilder(), new StringBuilder());
        br = host.vswitch().bridge("br1").orElseThrow();
        for (String f : List.of(LEARN, "table=1,actions=NORMAL")) {
            FlowMods.add(br, FlowModText.parse(f, Protocol.OPENFLOW10, br, new ArrayList<>()));
        }
    }

    private void run(Tracer.Mode mode) {
        Flow f = FlowText.parse("in_port=1,dl_src=00:00:00:00:00:01,dl_dst=00:00:00:00:00:02", br, new ArrayList<>());
        new Tracer(host.vswitch()).trace(br, f, mode, List.of(), 14);
    }

    private Rule rule(int table, int priority) {
        return br.table(table).rules().stream().filter(r -> r.priority() == priority).findFirst().orElseThrow();
    }

    @Test
    void dryChangesNothing() {
        run(Tracer.Mode.DRY);
        assertThat(br.fdb().entries(0)).isEmpty();
        assertThat(br.tableOrNull(10)).isNull();
        assertThat(rule(0, 32768).packets()).isZero();
    }

    @Test
    void generateLearnsButCountsNothing() {
        run(Tracer.Mode.GENERATE);
        assertThat(br.fdb().entries(0)).hasSize(1);
        assertThat(br.table(10).rules()).singleElement().satisfies(r -> assertThat(r.mod().hardTimeout()).isEqualTo(60));
        assertThat(rule(0, 32768).packets()).isZero();
        assertThat(br.table(0).lookupCount()).isZero();
    }

    @Test
    void aPacketCountsRulesAndTableLookups() {
        host.clock().advanceMillis(3000);
        run(Tracer.Mode.PACKET);
        run(Tracer.Mode.PACKET);
        assertThat(rule(0, 32768).packets()).isEqualTo(2);
        assertThat(rule(0, 32768).bytes()).isEqualTo(28);
        assertThat(rule(0, 32768).usedNanos()).isEqualTo(3_000_000_000L);
        FlowTable t0 = br.table(0);
        assertThat(t0.lookupCount()).isEqualTo(2);
        assertThat(t0.matchedCount()).isEqualTo(2);
        assertThat(br.table(10).rules()).hasSize(1);
        assertThat(br.table(10).rules().get(0).packets()).as("the learned flow matches dl_dst=01, not 02").isZero();
    }

    @Test
    void learnedFlowsExpireAtTheirHardTimeout() {
        run(Tracer.Mode.GENERATE);
        host.clock().advanceMillis(60_000);
        run(Tracer.Mode.DRY);
        assertThat(br.table(10).rules()).hasSize(1);
        host.clock().advanceMillis(1);
        run(Tracer.Mode.DRY);
        assertThat(br.table(10).rules()).isEmpty();
    }
}
