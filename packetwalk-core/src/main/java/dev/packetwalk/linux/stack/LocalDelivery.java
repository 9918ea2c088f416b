package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.packet.Tcp;
import dev.packetwalk.net.packet.Udp;

/**
 * Local delivery (ip_local_deliver_finish): the kernel answers ICMP echo requests, hands
 * other ICMP messages to the open raw sockets, resets TCP connections to closed ports and
 * answers UDP to closed ports with ICMP port unreachable. No listening sockets yet.
 */
final class LocalDelivery {
    private final NamespacePath path;

    LocalDelivery(NamespacePath path) {
        this.path = path;
    }

    void deliver(Handling h, NetDevice dev, Ipv4Packet ip, boolean broadcast) {
        if (ip.payload() instanceof Icmp icmp) {
            boolean taken = false;
            long now = path.stack().simulation().clock().nanos();
            for (IcmpSocket s : path.sockets()) {
                taken |= s.deliver(ip, now);
            }
            if (icmp.type() == Icmp.ECHO_REQUEST && !broadcast) {
                h.decide(new StackDecision.Delivered("ICMP echo request"));
                Icmp reply = new Icmp(Icmp.ECHO_REPLY, 0, icmp.rest(), icmp.body());
                h.decide(new StackDecision.IcmpGenerated(Icmp.ECHO_REPLY, 0, ip.src()));
                path.output().send(h, Ipv4Packet.of(ip.dst(), ip.src(), reply), 0);
            } else if (taken) {
                h.decide(new StackDecision.Delivered("ICMP type " + icmp.type() + " to a raw socket"));
            } else {
                h.drop(DropReason.NO_SOCKET);
            }
        } else if (ip.payload() instanceof Tcp tcp) {
            h.decide(new StackDecision.Delivered("TCP to closed port " + tcp.dstPort()));
            if (!broadcast) {
                path.output().reset(h, ip, tcp);
            }
        } else if (ip.payload() instanceof Udp udp && path.udpSocket(udp.dstPort()) != null) {
            UdpSocket socket = path.udpSocket(udp.dstPort());
            h.decide(new StackDecision.Delivered("UDP to port " + udp.dstPort()));
            h.afterFinish(hop -> socket.deliver(ip, dev, hop));
        } else if (ip.payload() instanceof Udp udp) {
            h.decide(new StackDecision.Delivered("UDP to closed port " + udp.dstPort()));
            if (!broadcast) {
                path.output().icmpError(h, ip, Icmp.UNREACHABLE, 3, dev);
            }
        } else {
            h.decide(new StackDecision.Delivered("protocol " + ip.protocol()));
            if (!broadcast) {
                path.output().icmpError(h, ip, Icmp.UNREACHABLE, 2, dev);
            }
        }
    }
}
