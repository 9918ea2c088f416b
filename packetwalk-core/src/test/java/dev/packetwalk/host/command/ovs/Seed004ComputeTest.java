package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004's compute node rebuilt through our shell ({@link Seed004Compute}), checked the way the
 * seed's reader checks it: after c-private pings its gateway, {@code fdb/show br-int} has the two
 * MACs on VLAN 2, the trace goes br-int 0 → 25 NORMAL → patch-tun → br-tun 0 → 2 → 20 and out of
 * the vxlan port with VNI 0x5a, and the learned table-20 flow looks as the seed prints it. The
 * whole output is compared with real OVS in {@link TraceDifferentialTest} (case seed-004-compute).
 */
class Seed004ComputeTest {
    private Shell shell;

    @BeforeEach
    void build() {
        Host host = Hosts.dummyDatapath("compute01");
        shell = new Shell(host);
        StringBuilder script = new StringBuilder(Seed004Compute.TOPOLOGY).append('\n');
        Seed004Compute.BR_INT.forEach(f -> script.append("ovs-ofctl add-flow br-int '").append(f).append("'\n"));
        Seed004Compute.BR_TUN.forEach(f -> script.append("ovs-ofctl add-flow br-tun '").append(f).append("'\n"));
        StringBuilder err = new StringBuilder();
        assertThat(shell.runScript(script.toString(), new StringBuilder(), err)).as(err.toString()).isZero();
    }

    private String run(String line) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = shell.runScript(line, out, err);
        assertThat(status).as(line + ": " + err).isZero();
        return out.toString();
    }

    private void ping() {
        run("ovs-appctl netdev-dummy/receive qvof7eae624-34 " + Seed004Compute.PING);
        run("ovs-appctl ofproto/trace " + TraceDifferentialTest.resolve(Seed004Compute.REPLY, run("ovs-appctl dpif/show")) + " -generate");
    }

    @Test
    void fdb_shows_the_vm_and_its_gateway_on_local_vlan_2() {
        ping();
        assertThat(run("ovs-appctl fdb/show br-int")).isEqualTo(" port  VLAN  MAC                Age\n"
                + "    2     2  fa:16:3e:3b:53:26    0\n"
                + "    1     2  fa:16:3e:ca:72:d8    0\n");
        assertThat(run("ovs-appctl fdb/show br-tun")).isEqualTo(" port  VLAN  MAC                Age\n");
    }

    @Test
    void trace_goes_through_table_25_normal_patch_and_table_20_to_the_tunnel() {
        ping();
        String trace = run("ovs-appctl ofproto/trace br-int " + Seed004Compute.PING_FLOW);
        assertThat(trace).containsSubsequence(
                "bridge(\"br-int\")",
                " 0. in_port=2, priority 9, cookie 0xb950e065fe76cc7b\n    resubmit(,25)\n",
                "25. in_port=2,dl_src=fa:16:3e:3b:53:26, priority 2, cookie 0xb950e065fe76cc7b\n    NORMAL\n",
                "     -> forwarding to learned port\n",
                "bridge(\"br-tun\")",
                " 0. in_port=1, priority 1, cookie 0x876248e21ebb5890\n    resubmit(,2)\n",
                " 2. dl_dst=00:00:00:00:00:00/01:00:00:00:00:00, priority 0, cookie 0x876248e21ebb5890\n",
                "20. vlan_tci=0x0002/0x0fff,dl_dst=fa:16:3e:ca:72:d8, priority 1, cookie 0x876248e21ebb5890\n"
                        + "    load:0->NXM_OF_VLAN_TCI[]\n    load:0x5a->NXM_NX_TUN_ID[]\n    output:2\n",
                "Datapath actions: set(tunnel(tun_id=0x5a,src=192.168.1.13,dst=192.168.1.12,ttl=64,tp_dst=4789,"
                        + "flags(df|key))),");
    }

    @Test
    void the_learned_table_20_flow_is_the_one_the_seed_prints_and_expires_after_300_s() {
        ping();
        run("sleep 9");
        assertThat(run("ovs-ofctl dump-flows br-tun table=20")).contains(" cookie=0x876248e21ebb5890, duration=9s,"
                + " table=20, n_packets=0, n_bytes=0, hard_timeout=300, idle_age=9, priority=1,vlan_tci=0x0002/0x0fff,"
                + "dl_dst=fa:16:3e:ca:72:d8 actions=load:0->NXM_OF_VLAN_TCI[],load:0x5a->NXM_NX_TUN_ID[],output:2\n");
        run("sleep 292");
        assertThat(run("ovs-ofctl dump-flows br-tun table=20")).doesNotContain("dl_dst=fa:16:3e:ca:72:d8")
                .doesNotContain("dl_dst=fa:16:3e:65:8c:df").contains("priority=0 actions=resubmit(,22)");
    }

    @Test
    void real_packets_count_and_traces_do_not() {
        ping();
        run("ovs-appctl ofproto/trace br-int " + Seed004Compute.PING_FLOW + " -generate");
        run("ovs-appctl netdev-dummy/receive qvof7eae624-34 " + Seed004Compute.PING);
        String flows = run("ovs-ofctl dump-flows br-int table=25");
        assertThat(flows).contains("n_packets=2, n_bytes=212,");
        assertThat(run("ovs-ofctl dump-flows br-tun table=20")).contains(
                "n_packets=1, n_bytes=106, hard_timeout=300, idle_age=0, priority=1,vlan_tci=0x0002/0x0fff,"
                        + "dl_dst=fa:16:3e:ca:72:d8");
        assertThat(run("ovs-ofctl dump-tables br-int")).contains("  table 25:\n    active=1, lookup=2, matched=2\n");
    }
}
