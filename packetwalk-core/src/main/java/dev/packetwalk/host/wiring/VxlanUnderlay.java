package dev.packetwalk.host.wiring;

import dev.packetwalk.linux.Kernel;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.stack.NamespacePath;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.packet.Udp;
import dev.packetwalk.net.packet.Vxlan;
import dev.packetwalk.net.sim.Simulation;
import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowExtract;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.BridgePort;
import dev.packetwalk.ovs.ofproto.PortKind;
import dev.packetwalk.ovs.xlate.OdpAction;
import dev.packetwalk.ovs.xlate.TunnelPorts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The VXLAN vports of the datapath ({@code vxlan_sys_4789}): on send, the packet gets the outer
 * Ethernet/IPv4/UDP/VXLAN headers from the tunnel metadata (source {@code local_ip}, destination
 * {@code remote_ip}, VNI from tun_id, DF and TTL as OVS set them, UDP checksum off) and goes out
 * through the root namespace's IP output (route, OUTPUT/POSTROUTING, neighbour); on receive, the
 * vport's UDP socket in the root namespace takes datagrams to its port and hands the inner frame
 * to the tunnel port that accepts it ({@link TunnelPorts#receivingPort}).
 */
final class VxlanUnderlay {
    /** The kernel's default local port range, which udp_flow_src_port spreads source ports over. */
    private static final int PORT_MIN = 32768;
    private static final int PORT_MAX = 60999;

    private final Kernel kernel;
    private final Vswitch vswitch;
    private final KernelDatapath datapath;
    private final Set<Integer> bound = new HashSet<>();

    VxlanUnderlay(Kernel kernel, Vswitch vswitch, KernelDatapath datapath) {
        this.kernel = kernel;
        this.vswitch = vswitch;
        this.datapath = datapath;
    }

    private NamespacePath root() {
        return kernel.stack().path(kernel.root());
    }

    /** Opens a socket for each VXLAN UDP port in use and closes the others. */
    void sync() {
        Set<Integer> wanted = new HashSet<>();
        for (Bridge b : vswitch.bridges()) {
            for (BridgePort p : b.ports()) {
                if (p.kind() == PortKind.TUNNEL && p.tunnel().type().equals("vxlan")) {
                    wanted.add(p.tunnel().dstPort());
                }
            }
        }
        for (int port : bound) {
            if (!wanted.contains(port)) {
                root().bindUdp(port, null);
            }
        }
        for (int port : wanted) {
            final int udpPort = port;
            root().bindUdp(port, (ip, dev, hop) -> receive(udpPort, ip, dev, hop));
        }
        bound.clear();
        bound.addAll(wanted);
    }

    void send(BridgePort port, OdpAction.SetTunnel header, Frame inner, int hop) {
        int srcPort = sourcePort(inner);
        Vxlan vxlan = Vxlan.of((int) (header.tunId() & 0xffffff), inner);
        int flags = (header.flags() & Flow.TUN_FLAG_DF) != 0 ? Ipv4Packet.DF : 0;
        Udp udp = new Udp(srcPort, header.tpDst(), vxlan, (header.flags() & Flow.TUN_FLAG_CSUM) != 0);
        Ipv4Packet outer = new Ipv4Packet(header.tos(), 0, flags, 0, header.ttl(), header.src(), header.dst(), udp);
        Simulation sim = kernel.stack().simulation();
        int encap = sim.walk().record(hop, sim.clock().nanos(), "", dev.packetwalk.ovs.xlate.Datapath.vportName(port), port.name(), null, inner,
                null, List.of(new DatapathDecision.Encapsulated(port.name(), header.src(), header.dst(),
                        vxlan.vni(), srcPort)));
        root().send(outer, 0, encap);
    }

    /** A deterministic stand-in for udp_flow_src_port: a hash of the inner addresses over the port range. */
    static int sourcePort(Frame inner) {
        long h = inner.src() * 0x9E3779B97F4A7C15L ^ inner.dst() * 0xC2B2AE3D27D4EB4FL;
        Ipv4Packet ip = inner.ipv4();
        if (ip != null) {
            h ^= ((long) ip.src() << 32 | (ip.dst() & 0xffffffffL)) * 0x165667B19E3779F9L;
        }
        h ^= h >>> 29;
        long hash = h & 0xffffffffL;
        return (int) ((hash * (PORT_MAX - PORT_MIN)) >>> 32) + PORT_MIN;
    }

    private void receive(int udpPort, Ipv4Packet ip, NetDevice dev, int hop) {
        if (!(ip.payload() instanceof Udp udp) || !(udp.payload() instanceof Vxlan vxlan)) {
            return;
        }
        BridgePort port = TunnelPorts.receivingPort(vswitch.bridges(), "vxlan", udpPort, ip.src(), ip.dst(),
                vxlan.vni());
        Bridge bridge = port == null ? null : vswitch.bridgeOfPort(port.name()).orElse(null);
        if (bridge == null) {
            Simulation sim = kernel.stack().simulation();
            sim.walk().record(hop, sim.clock().nanos(), "", "vxlan_sys_" + udpPort, null, null, vxlan.inner(), null,
                    List.of(new DatapathDecision.NoTunnelPort(ip.src(), ip.dst(), vxlan.vni())));
            return;
        }
        Flow flow = FlowExtract.extract(vxlan.inner(), port.ofport());
        TunnelPorts.received(flow, port, vxlan.vni(), ip.src(), ip.dst(), ip.ttl());
        datapath.process(bridge, flow, vxlan.inner(), port.name(), hop);
    }
}
