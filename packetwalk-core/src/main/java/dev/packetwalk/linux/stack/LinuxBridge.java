package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.link.BridgeFdb;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.netfilter.Hook;
import dev.packetwalk.linux.netfilter.Packet;
import dev.packetwalk.linux.netfilter.Traversal;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Ipv4Packet;

import java.util.ArrayList;
import java.util.List;

/**
 * A Linux bridge (br_handle_frame): learns source addresses per port with ageing, forwards
 * to the learned port, floods unknown and broadcast frames, and passes frames for its own
 * addresses up to the bridge device. With net.bridge.bridge-nf-call-iptables=1
 * (br_netfilter) bridged IPv4 frames go through PREROUTING, FORWARD and POSTROUTING of the
 * bridge's namespace with the bridge as in/out device and the ports as physdev in/out.
 */
final class LinuxBridge {
    private final NetStack stack;
    private final NetDevice br;

    LinuxBridge(NetStack stack, NetDevice br) {
        this.stack = stack;
        this.br = br;
    }

    private long now() {
        return stack.simulation().clock().nanos();
    }

    /** A frame received on {@code port}. */
    void receive(NetDevice port, Frame frame, int parentHop) {
        Handling h = new Handling(stack, parentHop, NetStack.node(br), br.name(), port.name(), frame);
        if (!br.isUp()) {
            h.drop(DropReason.DEVICE_DOWN);
            h.finish();
            return;
        }
        BridgeFdb fdb = br.fdb();
        if ((frame.src() & 0x0100_0000_0000L) == 0 && stack.live()) {
            if (fdb.portOf(frame.src(), now()) != port.ifindex()) {
                h.decide(new StackDecision.BridgeLearned(frame.src(), port.name()));
            }
            fdb.learn(frame.src(), port.ifindex(), now());
        }
        if (isLocal(frame.dst())) {
            h.decide(new StackDecision.Delivered("up to " + br.name()));
            int id = h.finish();
            stack.path(NetStack.namespaceOf(br)).receive(br, frame, id);
            return;
        }
        List<NetDevice> out = new ArrayList<>(2);
        boolean group = (frame.dst() & 0x0100_0000_0000L) != 0;
        int known = group ? 0 : fdb.portOf(frame.dst(), now());
        if (known != 0) {
            NetDevice to = br.home().byIndex(known);
            if (to == port) {
                h.drop(DropReason.BRIDGE_SAME_PORT);
                h.finish();
                return;
            }
            h.decide(new StackDecision.BridgeForwarded(frame.dst(), to.name()));
            out.add(to);
        } else {
            for (NetDevice p : br.ports()) {
                if (p != port && p.isRunning()) {
                    out.add(p);
                }
            }
            h.decide(new StackDecision.BridgeFlooded(out.size(), group));
        }
        Ipv4Packet ip = frame.ipv4();
        if (ip != null && callIptables() && !out.isEmpty()) {
            filter(h, port, frame, ip, out);
        } else {
            for (NetDevice p : out) {
                h.transmit(p, frame);
            }
        }
        int id = h.finish();
        if (group) {
            stack.path(NetStack.namespaceOf(br)).receive(br, frame, id);
        }
    }

    /** A frame the bridge device itself transmits (from its namespace's stack). */
    void transmit(Frame frame, int parentHop) {
        Handling h = new Handling(stack, parentHop, NetStack.node(br), br.name(), br.name(), frame);
        boolean group = (frame.dst() & 0x0100_0000_0000L) != 0;
        int known = group ? 0 : br.fdb().portOf(frame.dst(), now());
        if (known != 0) {
            NetDevice to = br.home().byIndex(known);
            h.decide(new StackDecision.BridgeForwarded(frame.dst(), to.name()));
            h.transmit(to, frame);
        } else {
            int n = 0;
            for (NetDevice p : br.ports()) {
                if (p.isRunning()) {
                    h.transmit(p, frame);
                    n++;
                }
            }
            h.decide(new StackDecision.BridgeFlooded(n, false));
        }
        h.finish();
    }

    private boolean isLocal(long dst) {
        if (dst == br.mac()) {
            return true;
        }
        for (NetDevice p : br.ports()) {
            if (p.mac() == dst) {
                return true;
            }
        }
        return false;
    }

    private boolean callIptables() {
        Namespace ns = NetStack.namespaceOf(br);
        String v = ns.sysctls().get("net.bridge.bridge-nf-call-iptables");
        return v != null && !v.equals("0");
    }

    /** br_netfilter: PREROUTING once, then FORWARD and POSTROUTING per output port. */
    private void filter(Handling h, NetDevice in, Frame frame, Ipv4Packet ip, List<NetDevice> out) {
        Traversal t = stack.path(NetStack.namespaceOf(br)).inbound();
        Packet p = NfView.of(ip, br.name(), null, frame.src(), 0).withBridgePorts(in.name(), null);
        if (NfView.quoted(ip) != null) {
            t.startError(p, NfView.quoted(ip));
        } else {
            t.start(p);
        }
        boolean ok = t.run(Hook.PREROUTING);
        Packet afterPre = t.packet();
        int seen = 0;
        if (ok) {
            for (NetDevice o : out) {
                t.packet(afterPre.withDevices(br.name(), br.name()).withBridgePorts(in.name(), o.name()));
                boolean pass = t.run(Hook.FORWARD);
                if (pass) {
                    t.packet(t.packet().withDevices(null, br.name()));
                    pass = t.run(Hook.POSTROUTING);
                }
                if (pass) {
                    Ipv4Packet sent = Ipv4Input.natApplied(h, ip, NfView.apply(ip, t.packet()));
                    h.transmit(o, sent == ip ? frame : frame.withPayload(sent));
                    seen++;
                }
            }
        }
        h.steps(t.steps());
        if (seen == 0) {
            h.drop(DropReason.NETFILTER_DROP);
        }
    }
}
