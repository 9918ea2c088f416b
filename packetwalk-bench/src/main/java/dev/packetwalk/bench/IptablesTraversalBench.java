package dev.packetwalk.bench;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.netfilter.CtState;
import dev.packetwalk.linux.netfilter.Hook;
import dev.packetwalk.linux.netfilter.IpSetEnv;
import dev.packetwalk.linux.netfilter.NeutronSample;
import dev.packetwalk.linux.netfilter.Packet;
import dev.packetwalk.linux.netfilter.Traversal;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One bridged packet through the FORWARD hook of a hybrid-firewall compute node with 200
 * ports (neutron.md §7): FORWARD → neutron-filter-top → neutron-openvswi-FORWARD →
 * sg-chain → the ingress and egress port chains (with the spoof chain and an ipset) → ACCEPT.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IptablesTraversalBench {
    private Traversal traversal;
    private Packet[] packets;
    private int next;

    @Setup
    public void setup() {
        Host host = Hosts.bare("compute");
        Shell shell = new Shell(host);
        NeutronSample sample = new NeutronSample(7).firewall(200, true);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (NeutronSample.Step s : sample.steps()) {
            shell.run(s.argv(), s.stdin(), out, err);
        }
        if (err.length() > 0) {
            throw new IllegalStateException(err.toString());
        }
        Namespace ns = host.kernel().root();
        traversal = new Traversal(ns.netfilter(), new IpSetEnv(ns.ipsets()), null, dev -> 0, false, false);
        List<NeutronSample.Port> ports = sample.ports();
        packets = new Packet[256];
        for (int i = 0; i < packets.length; i++) {
            NeutronSample.Port a = ports.get((i * 7) % ports.size());
            NeutronSample.Port b = ports.get((i * 13 + 1) % ports.size());
            packets[i] = Packet.tcp(Ipv4.parse(a.ip()), 40000 + i, Ipv4.parse(b.ip()), 22)
                    .withBridgePorts(a.tap(), b.tap()).withSrcMac(MacAddress.parseBits(a.mac()))
                    .withConntrack(CtState.NEW, 0, 0);
        }
        if (!traversal.start(packets[0]).run(Hook.FORWARD)) {
            throw new IllegalStateException("the sample packet should be accepted");
        }
    }

    @Benchmark
    public boolean forwardThroughHybridFirewall() {
        Packet p = packets[next++ & 255];
        return traversal.start(p).run(Hook.FORWARD);
    }
}
