package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.netfilter.DeviceAddresses;
import dev.packetwalk.linux.netfilter.IpSetEnv;
import dev.packetwalk.linux.netfilter.Traversal;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Ipv4Packet;

import java.util.ArrayList;
import java.util.List;

/**
 * The packet path of one namespace: frames its devices receive go to ARP or IPv4 input;
 * locally generated packets go out through {@link Ipv4Output}. Holds the namespace's
 * netfilter traversals (one for packets coming in, one for packets it sends) and its sockets.
 */
public final class NamespacePath {
    private final NetStack stack;
    private final Namespace ns;
    private final Neighbours neighbours;
    private final Ipv4Output output;
    private final Ipv4Input input;
    private final ArpInput arp;
    private final LocalDelivery local;
    private final List<IcmpSocket> sockets = new ArrayList<>();
    private final java.util.Map<Integer, UdpSocket> udpSockets = new java.util.HashMap<>(2);
    private final List<PacketSocket> packetSockets = new ArrayList<>();
    private final InetPeers peers = new InetPeers();
    private Traversal inbound;
    private Traversal outbound;
    private boolean conntrackOn;

    NamespacePath(NetStack stack, Namespace ns) {
        this.stack = stack;
        this.ns = ns;
        this.neighbours = new Neighbours(this);
        this.output = new Ipv4Output(this);
        this.input = new Ipv4Input(this);
        this.arp = new ArpInput(this);
        this.local = new LocalDelivery(this);
    }

    public Namespace namespace() {
        return ns;
    }

    NetStack stack() {
        return stack;
    }

    Neighbours neighbours() {
        return neighbours;
    }

    Ipv4Output output() {
        return output;
    }

    InetPeers peers() {
        return peers;
    }

    LocalDelivery local() {
        return local;
    }

    String node() {
        return ns.name() == null ? "" : ns.name();
    }

    /**
     * True when a neighbour timer of this namespace is or was due within [now - before,
     * now + after] (virtual nanos): the real kernel fires timers up to 1/8 of their timeout
     * late, so a neighbour dump at such a moment has no single right answer.
     */
    public boolean neighbourTimerNear(long before, long after) {
        return neighbours.timerNear(before, after);
    }

    /**
     * True when a neighbour entry of this namespace has been FAILED for longer than {@code age}
     * nanos: the kernel's periodic garbage collection removes such entries at a moment of its own.
     */
    public boolean neighbourFailedLongerThan(long age) {
        return neighbours.failedLongerThan(age);
    }

    /** Opens a socket that receives the ICMP messages delivered to this namespace. */
    public void open(IcmpSocket socket) {
        sockets.add(socket);
    }

    public void close(IcmpSocket socket) {
        sockets.remove(socket);
    }

    /** Binds {@code socket} to UDP port {@code port} of this namespace (null unbinds). */
    public void bindUdp(int port, UdpSocket socket) {
        if (socket == null) {
            udpSockets.remove(port);
        } else {
            udpSockets.put(port, socket);
        }
    }

    UdpSocket udpSocket(int port) {
        return udpSockets.get(port);
    }

    /** Opens a packet socket that sees the ARP frames this namespace's devices receive. */
    public void open(PacketSocket socket) {
        packetSockets.add(socket);
    }

    public void close(PacketSocket socket) {
        packetSockets.remove(socket);
    }

    /** Sends a frame as a packet socket does: straight to the device, past the IP stack. */
    public void transmitRaw(NetDevice dev, Frame frame) {
        Handling h = new Handling(stack, -1, node(), "(packet socket)", null, null);
        h.transmit(dev, frame);
        h.finish();
    }

    List<IcmpSocket> sockets() {
        return sockets;
    }

    Traversal inbound() {
        if (conntrackTurnedOn() || inbound == null) {
            inbound = traversal();
            outbound = traversal();
        }
        return inbound;
    }

    Traversal outbound() {
        if (conntrackTurnedOn() || outbound == null) {
            inbound = traversal();
            outbound = traversal();
        }
        return outbound;
    }

    /** Conntrack registers in a namespace once a rule needs it (and then stays, here). */
    private boolean conntrackTurnedOn() {
        if (conntrackOn || !ns.netfilter().usesConntrack()) {
            return false;
        }
        conntrackOn = true;
        return true;
    }

    private Traversal traversal() {
        DeviceAddresses primary = dev -> {
            NetDevice d = ns.links().byName(dev);
            return d == null || ns.addresses().ipv4(d.ifindex()).isEmpty() ? 0
                    : ns.addresses().ipv4(d.ifindex()).get(0).local();
        };
        return new Traversal(ns.netfilter(), new IpSetEnv(ns.ipsets()), conntrackOn ? ns.conntrack() : null,
                primary, stack.live(),
                stack.recording());
    }

    /**
     * Sends a locally generated packet (source 0: chosen by the route) out of this namespace,
     * as one hop of its own; returns the kernel's error for the route lookup, or 0.
     */
    public int send(Ipv4Packet ip, int oif, int parentHop) {
        Handling h = new Handling(stack, parentHop, node(), "(local)", null, null);
        int errno = output.send(h, ip, oif);
        h.finish();
        return errno;
    }

    /** A frame received by {@code dev} of this namespace (not enslaved). */
    void receive(NetDevice dev, Frame frame, int parentHop) {
        Handling h = new Handling(stack, parentHop, node(), dev.name(), dev.name(), frame);
        if (!forUs(dev, frame.dst())) {
            h.drop(DropReason.OTHER_HOST);
        } else if (frame.arp() != null) {
            long now = stack.simulation().clock().nanos();
            for (PacketSocket s : List.copyOf(packetSockets)) {
                s.deliver(dev, frame, now);
            }
            arp.receive(h, dev, frame.arp(), frame.dst() == dev.mac());
        } else if (frame.ipv4() != null) {
            input.receive(h, dev, frame.ipv4(), frame.src());
        } else {
            h.drop(DropReason.UNSUPPORTED);
        }
        h.finish();
    }

    private static boolean forUs(NetDevice dev, long dst) {
        return dev.kind() == LinkKind.LOOPBACK || dst == dev.mac() || (dst & 0x0100_0000_0000L) != 0;
    }
}
