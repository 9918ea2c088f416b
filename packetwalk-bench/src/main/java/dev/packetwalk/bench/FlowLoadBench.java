package dev.packetwalk.bench;

import dev.packetwalk.net.Clock;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.flowmod.FlowModText;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.FlowMods;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time to load 10,000 Neutron-shaped flows into one bridge the way {@code ovs-ofctl add-flows}
 * does: parse every line, then add them in one batch ({@code FlowMods.addAll}) with flow-mod
 * semantics (replace check, cookie index).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FlowLoadBench {
    static final int FLOWS = 10_000;

    private List<String> lines;

    @Setup
    public void setup() {
        lines = neutronFlows(FLOWS);
    }

    /** br-int / br-tun shaped flows: per-port VLAN tagging, MAC learning, ARP spoofing, tunnels. */
    static List<String> neutronFlows(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            String mac = String.format("fa:16:3e:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
            int port = 1 + i % 200;
            int vlan = 1 + i % 4000;
            String cookie = "cookie=0x" + Long.toHexString(0xb950e065fe76cc7bL + (i % 3)) + ",";
            out.add(cookie + "table=0,priority=9,in_port=" + port + ",dl_src=" + mac + ",actions=resubmit(,25)");
            out.add(cookie + "table=24,priority=2,arp,in_port=" + port + ",arp_spa=10." + (i >> 16 & 0xff) + "."
                    + (i >> 8 & 0xff) + "." + (i & 0xff) + ",actions=resubmit(,25)");
            out.add(cookie + "table=4,priority=1,tun_id=0x" + Integer.toHexString(100 + i) + ",actions=mod_vlan_vid:"
                    + vlan + ",resubmit(,10)");
            out.add(cookie + "table=20,priority=2,dl_vlan=" + vlan + ",dl_dst=" + mac
                    + ",actions=strip_vlan,load:0x" + Integer.toHexString(100 + i) + "->NXM_NX_TUN_ID[],output:" + port);
            out.add(cookie + "table=22,priority=1,dl_vlan=" + vlan + ",actions=strip_vlan,load:0x"
                    + Integer.toHexString(100 + i) + "->NXM_NX_TUN_ID[],output:2,output:3");
        }
        return out.subList(0, n);
    }

    @Benchmark
    public Bridge load10k() {
        Bridge b = new Bridge("br-int", new Clock());
        List<dev.packetwalk.ovs.flow.LogLine> log = new ArrayList<>();
        List<FlowMod> mods = new ArrayList<>(lines.size());
        for (String l : lines) {
            mods.add(FlowModText.parseAdd(l, Protocol.OPENFLOW10, PortNames.NONE, log));
        }
        FlowMods.addAll(b, mods);
        if (b.flowCount() < FLOWS) {
            throw new IllegalStateException("lost flows: " + b.flowCount());
        }
        return b;
    }
}
