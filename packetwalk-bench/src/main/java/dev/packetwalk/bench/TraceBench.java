package dev.packetwalk.bench;

import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowText;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.xlate.TraceResult;
import dev.packetwalk.ovs.xlate.Tracer;
import dev.packetwalk.net.MacAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One VM → remote VM unicast through a Neutron compute node ({@link NeutronComputeNode}, 20 VM
 * ports on 4 local VLANs, 3 peers): br-int tables 0 → 25 → 60 NORMAL (the remote MAC learned on
 * patch-tun, as after the first reply), patch to br-tun tables 0 → 1 → 2 → 20 (l2pop unicast) →
 * kernel vxlan tunnel. DRY translation returning the structured result (steps, datapath actions,
 * megaflow mask); nothing is rendered as text. Packets cycle over all VMs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TraceBench {
    private Tracer tracer;
    private Bridge brInt;
    private Flow[] packets;
    private int next;

    @Setup
    public void setup() {
        NeutronComputeNode node = new NeutronComputeNode(20, 4, 3, 4);
        brInt = node.bridge("br-int");
        tracer = new Tracer(node.host.vswitch());
        packets = new Flow[node.vms];
        long now = node.host.clock().nanos();
        for (int v = 0; v < node.vms; v++) {
            int vlan = node.vlanOf(v);
            String dst = NeutronComputeNode.remoteMac(vlan, v % node.remotePerVlan);
            brInt.fdb().learn(vlan, MacAddress.parseBits(dst), 1, now);
            packets[v] = FlowText.parse("in_port=" + NeutronComputeNode.vmPort(v) + ",icmp,dl_src="
                    + NeutronComputeNode.vmMac(v) + ",dl_dst=" + dst + ",nw_src=" + NeutronComputeNode.vmIp(vlan, v)
                    + ",nw_dst=" + NeutronComputeNode.remoteIp(vlan, 0) + ",nw_ttl=64,icmp_type=8", brInt,
                    new ArrayList<>());
        }
        TraceResult check = tracer.trace(brInt, packets[0], Tracer.Mode.DRY);
        if (check.actions().isEmpty() || !check.actions().get(0).toString().startsWith("SetTunnel")) {
            throw new IllegalStateException("unexpected translation: " + check.actions());
        }
    }

    @Benchmark
    public TraceResult vmToRemoteVm() {
        Flow p = packets[next];
        next = next + 1 == packets.length ? 0 : next + 1;
        return tracer.trace(brInt, p, Tracer.Mode.DRY);
    }
}
