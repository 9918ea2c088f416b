package dev.packetwalk.bench;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.netfilter.NeutronSample;
import dev.packetwalk.linux.stack.NetStack;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.packet.Data;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.sim.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One ICMP echo forwarded by a router namespace (receive, PREROUTING, policy routing in a
 * 10,000-route table, FORWARD through a 200-port hybrid-firewall ruleset, POSTROUTING,
 * neighbour output) on the kernel packet path, without decision text.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LinuxForwardBench {
    private NetStack stack;
    private NetDevice in;
    private Frame frame;
    private Frame sent;

    @Setup
    public void setup() {
        Host host = Hosts.bare("router");
        Shell shell = new Shell(host);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        shell.runScript(String.join("\n",
                "ip netns add r",
                "ip link add qr address 02:00:00:00:00:01 type veth peer name tap",
                "ip link add qg address 02:00:00:00:00:02 type veth peer name up0",
                "ip link set qr netns r", "ip link set qg netns r",
                "ip link set tap up", "ip link set up0 up",
                "ip -n r addr add 10.0.0.1/24 dev qr", "ip -n r link set qr up",
                "ip -n r addr add 172.24.4.3/24 dev qg", "ip -n r link set qg up",
                "ip -n r route add default via 172.24.4.1 table 16",
                "ip -n r rule add from 10.0.0.5 table 16 priority 57481",
                "ip -n r neigh add 172.24.4.1 lladdr 02:00:00:00:00:09 dev qg nud permanent",
                "ip netns exec r sysctl -qw net.ipv4.ip_forward=1", ""), out, err);
        for (int i = 0; i < 10_000; i++) {
            shell.runLine("ip -n r route add 100." + (i >> 8 & 0xff) + "." + (i & 0xff) + ".0/24 via 172.24.4.1", out, err);
        }
        NeutronSample sample = new NeutronSample(7).firewall(200, true);
        for (NeutronSample.Step s : sample.steps()) {
            List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", "r"));
            argv.addAll(s.argv());
            shell.run(argv, s.stdin(), out, err);
        }
        if (err.length() > 0) {
            throw new IllegalStateException(err.toString());
        }
        Namespace r = host.kernel().namespace("r").orElseThrow();
        in = r.links().byName("qr");
        r.links().byName("qg").transmitHook((dev, f, parent) -> sent = f);
        stack = new NetStack(host.kernel(), new Simulation(host.clock(), Simulation.Mode.LIVE)).recording(false);
        Ipv4Packet ip = new Ipv4Packet(0, 1, Ipv4Packet.DF, 0, 64, Ipv4.parse("10.0.0.5"), Ipv4.parse("172.24.4.1"),
                Icmp.echoRequest(7, 1, Data.pattern(56)));
        frame = Frame.of(in.mac(), 0x020000000005L, ip);
        forward();
        if (sent == null || sent.ipv4().ttl() != 63) {
            StringBuilder why = new StringBuilder("the echo should be forwarded:");
            NetStack explain = new NetStack(host.kernel(), new Simulation(host.clock(), Simulation.Mode.DRY));
            explain.receive(in, frame, -1);
            explain.run();
            explain.simulation().walk().hops().forEach(h -> h.decisions().forEach(d -> why.append("\n  ").append(d.text())));
            throw new IllegalStateException(why.toString());
        }
    }

    @Benchmark
    public Frame forward() {
        stack.receive(in, frame, -1);
        stack.simulation().run();
        stack.simulation().walk().clear();
        return sent;
    }
}
