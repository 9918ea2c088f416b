package dev.packetwalk.host.command.ovs;

import dev.packetwalk.SharedFiles;
import dev.packetwalk.host.Shell;
import dev.packetwalk.ovs.RealOvs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ovs-ofctl flow commands through real OVS 3.1 (dummy datapath) and through Packetwalk: stdout,
 * stderr and exit status of every line must agree after {@link OfctlScripts#normalise}.
 */
class OfctlDifferentialTest {
    private static final Path CAPTURES = SharedFiles.ovsCaptures();
    private static RealOvs real;

    @BeforeAll
    static void start() throws Exception {
        real = RealOvs.startOrSkip();
    }

    @AfterAll
    static void stop() {
        if (real != null) {
            real.close();
        }
    }

    private static final List<String> BR0 = List.of(
            "ovs-vsctl add-br br0 -- set-fail-mode br0 secure",
            "ovs-vsctl add-port br0 p1 -- set Interface p1 ofport_request=1",
            "ovs-vsctl add-port br0 p2 -- set Interface p2 ofport_request=2",
            "ovs-vsctl add-port br0 patch-x -- set Interface patch-x type=patch options:peer=patch-y ofport_request=3");

    /** Runs the script in both worlds from empty switches; returns the first difference or null. */
    static String compare(List<String> setup, List<String> lines) throws Exception {
        real.reset();
        Shell shell = OfctlScripts.newShell();
        List<String> all = new ArrayList<>(setup);
        all.addAll(lines);
        return OfctlScripts.diff(OfctlScripts.real(real, all), OfctlScripts.ours(shell, all));
    }

    static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void seed004ComputeAndNetworkFlows() throws Exception {
        List<String> setup = lines("""
                ovs-vsctl add-br br-int -- set-fail-mode br-int secure
                ovs-vsctl add-br br-tun -- set-fail-mode br-tun secure
                ovs-vsctl add-br br-ex
                ovs-vsctl add-port br-int patch-tun -- set Interface patch-tun type=patch options:peer=patch-int
                ovs-vsctl add-port br-tun patch-int -- set Interface patch-int type=patch options:peer=patch-tun
                ovs-vsctl add-port br-tun vxlan-c0a8010c -- set Interface vxlan-c0a8010c type=vxlan options:in_key=flow options:local_ip=192.168.1.13 options:out_key=flow options:remote_ip=192.168.1.12
                ovs-vsctl add-port br-int qvof7eae624-34 tag=2
                ovs-vsctl add-port br-int int-br-ex -- set Interface int-br-ex type=patch options:peer=phy-br-ex
                ovs-vsctl add-port br-ex phy-br-ex -- set Interface phy-br-ex type=patch options:peer=int-br-ex
                """);
        assertThat(compare(setup, lines("""
                ovs-ofctl add-flow br-int "cookie=0xb950e065fe76cc7b,table=0,priority=9,in_port=2,actions=resubmit(,25)"
                ovs-ofctl add-flow br-int "cookie=0xb950e065fe76cc7b,table=25,priority=2,in_port=2,dl_src=fa:16:3e:3b:53:26,actions=NORMAL"
                ovs-ofctl add-flow br-int "cookie=0x86954af3f33dce38,priority=3,in_port=3,vlan_tci=0x0000/0x1fff,actions=mod_vlan_vid:4,NORMAL"
                ovs-ofctl add-flow br-int "cookie=0x86954af3f33dce38,priority=2,in_port=3,actions=drop"
                ovs-ofctl add-flow br-int "cookie=0x86954af3f33dce38,priority=0,actions=NORMAL"
                ovs-ofctl add-flow br-tun "cookie=0x876248e21ebb5890,priority=1,in_port=1,actions=resubmit(,2)"
                ovs-ofctl add-flow br-tun "cookie=0x876248e21ebb5890,table=2,priority=0,dl_dst=00:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,20)"
                ovs-ofctl add-flow br-tun "cookie=0x876248e21ebb5890,table=20,hard_timeout=300,priority=1,vlan_tci=0x0002/0x0fff,dl_dst=fa:16:3e:ca:72:d8,actions=load:0->NXM_OF_VLAN_TCI[],load:0x5a->NXM_NX_TUN_ID[],output:2"
                ovs-ofctl add-flow br-tun "cookie=0x876248e21ebb5890,table=20,hard_timeout=300,priority=1,vlan_tci=0x0002/0x0fff,dl_dst=fa:16:3e:65:8c:df,actions=load:0->NXM_OF_VLAN_TCI[],load:0x5a->NXM_NX_TUN_ID[],output:2"
                ovs-ofctl add-flow br-tun "cookie=0x876248e21ebb5890,table=22,priority=1,dl_vlan=2,actions=strip_vlan,load:0x5a->NXM_NX_TUN_ID[],output:2"
                ovs-ofctl add-flow br-tun "cookie=0xb5b1b0a3b000ddbe,table=4,priority=1,tun_id=0x5a,actions=mod_vlan_vid:3,resubmit(,10)"
                ovs-ofctl add-flow br-tun "cookie=0xb5b1b0a3b000ddbe,table=10,priority=1,actions=learn(table=20,hard_timeout=300,priority=1,cookie=0xb5b1b0a3b000ddbe,NXM_OF_VLAN_TCI[0..11],NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],load:0->NXM_OF_VLAN_TCI[],load:NXM_NX_TUN_ID[]->NXM_NX_TUN_ID[],output:OXM_OF_IN_PORT[]),output:1"
                ovs-ofctl add-flow br-ex "cookie=0x97910c7dc69d33fb,priority=0,actions=NORMAL"
                ovs-ofctl dump-flows br-int
                ovs-ofctl dump-flows br-tun
                ovs-ofctl dump-flows br-ex
                ovs-ofctl dump-flows br-tun table=20
                ovs-ofctl dump-flows br-tun cookie=0x876248e21ebb5890/-1
                ovs-ofctl dump-flows br-int cookie=0/-1
                ovs-ofctl --no-stats dump-flows br-tun
                ovs-ofctl dump-flows br-int --names
                ovs-ofctl dump-flows br-int --rsort
                ovs-ofctl -O OpenFlow13 dump-flows br-tun
                ovs-ofctl dump-aggregate br-tun
                ovs-ofctl dump-aggregate br-int table=0
                ovs-ofctl dump-tables br-tun
                ovs-ofctl -O OpenFlow13 dump-tables br-int
                ovs-ofctl del-flows br-tun cookie=0x876248e21ebb5890/-1
                ovs-ofctl dump-flows br-tun
                """))).isNull();
    }

    @Test
    void capturedFlowFiles() throws Exception {
        List<String> script = new ArrayList<>();
        int n = 0;
        try (var files = Files.list(CAPTURES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".flows")).sorted().toList()) {
                String proto = f.getFileName().toString().contains("13") ? "-O OpenFlow13 " : "";
                script.add("ovs-ofctl del-flows br0");
                script.add("ovs-ofctl " + proto + "add-flows br0 " + f);
                script.add("ovs-ofctl " + proto + "dump-flows br0");
                script.add("ovs-ofctl --no-stats --sort dump-flows br0");
                script.add("ovs-ofctl dump-aggregate br0");
                n++;
            }
        }
        assertThat(n).isGreaterThan(5);
        assertThat(compare(BR0, script)).isNull();
    }

    @Test
    void flowModSemantics() throws Exception {
        assertThat(compare(BR0, lines("""
                ovs-ofctl add-flow br0 cookie=0x5,priority=5,in_port=1,idle_timeout=100,actions=drop
                ovs-ofctl add-flow br0 cookie=0x6,priority=6,in_port=1,dl_dst=00:00:00:00:00:01,actions=drop
                ovs-ofctl mod-flows br0 in_port=1,actions=output:2
                ovs-ofctl dump-flows br0
                ovs-ofctl mod-flows br0 in_port=1,cookie=0x9,hard_timeout=50,actions=output:1
                ovs-ofctl -O OpenFlow13 dump-flows br0
                ovs-ofctl -O OpenFlow13 mod-flows br0 in_port=1,actions=drop
                ovs-ofctl mod-flows br0 in_port=2,actions=drop
                ovs-ofctl -O OpenFlow13 mod-flows br0 in_port=3,actions=drop
                ovs-ofctl mod-flows br0 cookie=0x7/-1,in_port=4,actions=drop
                ovs-ofctl mod-flows br0 --strict priority=9,in_port=5,cookie=0x3,actions=drop
                ovs-ofctl -O OpenFlow13 dump-flows br0
                ovs-ofctl add-flow br0 cookie=0x5,priority=5,in_port=1,actions=output:2
                ovs-ofctl -O OpenFlow13 add-flow br0 cookie=0x5,priority=6,in_port=1,dl_dst=00:00:00:00:00:01,send_flow_rem,actions=drop
                ovs-ofctl -O OpenFlow13 dump-flows br0
                ovs-ofctl del-flows br0 --strict in_port=1
                ovs-ofctl del-flows br0 --strict priority=5,in_port=1
                ovs-ofctl dump-flows br0 --no-stats
                ovs-ofctl del-flows br0 cookie=0x3/0xf
                ovs-ofctl dump-flows br0 cookie=0/-1
                ovs-ofctl add-flow br0 table=3,priority=7,in_port=p1,actions=output:patch-x
                ovs-ofctl dump-flows br0 --names
                ovs-ofctl dump-flows br0 out_port=3
                ovs-ofctl del-flows br0 out_port=3
                ovs-ofctl dump-flows br0 table=3
                ovs-ofctl dump-tables br0
                ovs-ofctl add-flow br0 priority=5,in_port=2,check_overlap,actions=drop
                ovs-ofctl add-flow br0 priority=5,dl_src=00:00:00:00:00:09,check_overlap,actions=drop
                ovs-ofctl del-flows br0
                ovs-ofctl dump-flows br0 table=254
                ovs-ofctl dump-aggregate br0 cookie=0/-1
                """))).isNull();
    }

    @Test
    void errors() throws Exception {
        assertThat(compare(BR0, lines("""
                ovs-ofctl add-flow br9 garbage
                ovs-ofctl add-flow br0 garbage
                ovs-ofctl add-flows br0 /nonexistent/file.txt
                ovs-ofctl add-flow br0 table=254,actions=drop
                ovs-ofctl add-flow br0 table=254,priority=5,in_port=1,cookie=0x7,idle_timeout=4,actions=output:2
                ovs-ofctl -O OpenFlow13 add-flow br0 table=254,in_port=1,actions=drop
                ovs-ofctl del-flows br0 table=254
                ovs-ofctl -O OpenFlow13 del-flows br0 table=254
                ovs-ofctl del-flows br0 table=254,in_port=1
                ovs-ofctl mod-flows br0 table=254,actions=drop
                ovs-ofctl dump-flows br0 priority=3
                ovs-ofctl dump-flows br0 send_flow_rem
                ovs-ofctl dump-flows br0 idle_timeout=3
                ovs-ofctl dump-flows br0 a b
                ovs-ofctl dump-flows
                ovs-ofctl foo br0
                ovs-ofctl dump-flows br9
                ovs-ofctl del-flows br0 cookie=5
                ovs-ofctl add-flow br0
                ovs-ofctl mod-flows br0 in_port=1
                ovs-ofctl del-flows br0 in_port=1,actions=drop
                ovs-ofctl dump-flows br0 in_port=p7
                ovs-ofctl add-flow br0 tp_src=80,actions=drop
                ovs-ofctl add-flow br0 foo,actions=drop
                ovs-ofctl mod-flows br0 importance=3,actions=drop
                ovs-ofctl dump-aggregate br0 table=300
                ovs-ofctl --foo dump-flows br0
                ovs-ofctl -O OpenFlow99 dump-flows br0
                ovs-ofctl --sort=foo dump-flows br0
                ovs-ofctl dump-tables br0 x
                ovs-ofctl add-flow br0 priority=65536,actions=drop
                ovs-ofctl add-flow br0 cookie=1/1,actions=drop
                ovs-ofctl dump-flows br0
                """))).isNull();
    }

    /** 128-bit fields (xxreg, IPv6) in load, set_field and learn keep all their bits. */
    @Test
    void wideImmediates() throws Exception {
        List<String> adds = List.of(
                "actions=load:0x112233445566778899aabbccddeeff00->NXM_NX_XXREG0[]",
                "actions=set_field:0x112233445566778899aabbccddeeff00->xxreg1",
                "ipv6,actions=set_field:fe80::1->ipv6_src",
                "ipv6,actions=set_field:2001:db8::1:2:3:4->ipv6_dst",
                "actions=load:0x1122334455667788->NXM_NX_XXREG0[64..127]",
                "actions=load:0xaabbccddeeff00112233->NXM_NX_XXREG2[8..100]",
                "actions=set_field:0x1/0xffffffffffffffffffff->xxreg0",
                "actions=learn(table=2,NXM_NX_XXREG0[]=0x112233445566778899aabbccddeeff00,"
                        + "load:0xaabbccddeeff00112233->NXM_NX_XXREG1[])",
                "ipv6,actions=learn(table=2,eth_type=0x86dd,ipv6_src=fe80::1,load:0x1->NXM_NX_REG0[])",
                "actions=load:0x1112233445566778899aabbccddeeff00->NXM_NX_XXREG0[]",
                "actions=load:0x1ff->NXM_NX_XXREG0[120..127]");
        List<String> script = new ArrayList<>();
        for (String a : adds) {
            script.add("ovs-ofctl del-flows br0");
            script.add("ovs-ofctl add-flow br0 \"" + a + "\"");
            script.add("ovs-ofctl dump-flows br0");
            script.add("ovs-ofctl -O OpenFlow13 dump-flows br0");
        }
        assertThat(compare(BR0, script)).isNull();
    }

    /** Which protocol ovs-ofctl needs shows in its errors: usable formats, NXT_FLOW_MOD and xids. */
    @Test
    void flowFormats(@TempDir Path dir) throws Exception {
        String[] files = {"actions=push_vlan:0x8100\nreg0=5,actions=drop\n",
            "actions=push_vlan:0x8100\nactions=strip_vlan\n", "actions=push_vlan:0x8100\nfoo=1,actions=drop\n",
            "table=1,actions=push_vlan:0x8100\nin_port=1,actions=drop\n"};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            Path f = dir.resolve("f" + (i + 1));
            Files.writeString(f, files[i]);
            names.add(f.toString());
        }
        assertThat(compare(BR0, lines("""
                ovs-ofctl add-flow br0 table=254,reg0=5,actions=drop
                ovs-ofctl add-flow br0 "cookie=0x5,priority=7,idle_timeout=5,hard_timeout=6,send_flow_rem,table=254,reg0=5,actions=output:2"
                ovs-ofctl mod-flows br0 table=254,reg0=5,actions=drop
                ovs-ofctl mod-flows br0 table=254,cookie=0x1/0x1,actions=drop
                ovs-ofctl mod-flows br0 table=254,actions=drop
                ovs-ofctl add-flow br0 table=254,tcp,tcp_flags=+syn,actions=drop
                ovs-ofctl add-flow br0 table=254,ipv6,actions=drop
                ovs-ofctl add-flow br0 table=254,dl_src=00:00:00:00:00:01/ff:ff:ff:ff:ff:00,actions=output:1
                ovs-ofctl -O OpenFlow13 add-flow br0 table=254,reg0=5,actions=drop
                ovs-ofctl add-flow br0 reset_counts,actions=drop
                ovs-ofctl add-flow br0 no_packet_counts,actions=drop
                ovs-ofctl -O OpenFlow13 add-flow br0 reset_counts,no_byte_counts,actions=drop
                ovs-ofctl add-flow br0 tun_ttl=5,actions=drop
                ovs-ofctl -O OpenFlow13 add-flow br0 actions=mod_nw_src:1.2.3.4
                ovs-ofctl -O OpenFlow13 add-flow br0 actions=mod_tp_dst:80
                ovs-ofctl -O OpenFlow13 add-flow br0 "ip,actions=fin_timeout(idle_timeout=5)"
                ovs-ofctl -O OpenFlow13 add-flow br0 table=1,actions=strip_vlan
                ovs-ofctl -O OpenFlow13 add-flow br0 actions=strip_vlan,push_vlan:0x8100
                ovs-ofctl add-flow br0 tun_id=5,actions=push_vlan:0x8100
                ovs-ofctl add-flow br0 table=1,actions=push_vlan:0x8100
                ovs-ofctl add-flow br0 ipv6,nw_tos=4,actions=push_vlan:0x8100
                ovs-ofctl add-flow br0 ip,nw_src=10.0.0.0/255.0.255.0,actions=push_vlan:0x8100
                ovs-ofctl add-flow br0 ip,nw_src=10.0.0.0/8,actions=push_vlan:0x8100
                ovs-ofctl add-flow br0 sctp,tp_src=5,actions=push_vlan:0x8100
                ovs-ofctl add-flow br0 metadata=5,actions=meter:1
                ovs-ofctl add-flow br0 vlan_tci=0x1000/0x1000,actions=write_metadata:1
                ovs-ofctl -O OpenFlow13 dump-flows br0
                ovs-ofctl add-flows br0 F1
                ovs-ofctl -O OpenFlow13 add-flows br0 F1
                ovs-ofctl add-flows br0 F2
                ovs-ofctl -O OpenFlow13 add-flows br0 F2
                ovs-ofctl add-flows br0 F3
                ovs-ofctl add-flows br0 F4
                ovs-ofctl add-flow br0 tcp,vlan_tci=0x6dcf/0x9b76,actions=drop
                ovs-ofctl -O OpenFlow13 dump-flows --no-stats br0
                ovs-ofctl -O OpenFlow13 dump-flows --sort br0
                ovs-ofctl dump-flows --no-stats br0
                """.replace("F1", names.get(0)).replace("F2", names.get(1)).replace("F3", names.get(2))
                .replace("F4", names.get(3))))).isNull();
    }

    @Test
    void randomFlowModSequences() throws Exception {
        long seed = Long.getLong("packetwalk.ofctl.seed", 20261121L);
        Random rnd = new Random(seed);
        int agree = 0;
        int cases = 150;
        List<String> failures = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            List<String> ops = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ops.add(FlowModGenerator.op(rnd));
            }
            ops.add("ovs-ofctl dump-flows br0");
            ops.add("ovs-ofctl -O OpenFlow13 dump-flows br0 cookie=0x1/-1");
            String d = compare(BR0, ops);
            if (d == null) {
                agree++;
            } else if (failures.size() < 3) {
                failures.add("SCRIPT:\n" + String.join("\n", ops) + "\n" + d);
            }
        }
        System.out.println("OfctlDifferentialTest.random (seed " + seed + "): " + agree + "/" + cases
                + " sequences agree");
        assertThat(failures).as(agree + "/" + cases + " agree").isEmpty();
    }
}
