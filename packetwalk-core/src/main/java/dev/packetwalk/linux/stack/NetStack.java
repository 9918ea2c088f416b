package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.Kernel;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.link.RxHandler;
import dev.packetwalk.linux.link.TransmitHook;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.sim.Decision;
import dev.packetwalk.net.sim.Simulation;

import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's packet path (design §4) on a {@link Simulation}: frames are received by
 * devices (veth ends, bridges, loopback, dummies, and devices whose far side the host layer
 * provides), handed to the rx handler of an enslaved device's master or to the namespace's
 * IPv4/ARP stack, and transmitted again. Each delivery a device handles is one hop of the
 * simulation's walk, with its decisions.
 */
public final class NetStack {
    /** Virtual time a frame spends crossing one device (deterministic). */
    public static final long WIRE_NANOS = 8_000;

    private final Kernel kernel;
    private final Simulation sim;
    private final Map<Namespace, NamespacePath> paths = new IdentityHashMap<>();
    private final Map<NetDevice, LinuxBridge> bridges = new IdentityHashMap<>();
    private final Map<DropReason, Integer> drops = new EnumMap<>(DropReason.class);
    private boolean recording = true;

    public NetStack(Kernel kernel, Simulation sim) {
        this.kernel = kernel;
        this.sim = sim;
    }

    public Kernel kernel() {
        return kernel;
    }

    public Simulation simulation() {
        return sim;
    }

    public boolean live() {
        return sim.live();
    }

    /** With false, hops carry no decisions and netfilter builds no step text (fast path). */
    public NetStack recording(boolean record) {
        this.recording = record;
        return this;
    }

    boolean recording() {
        return recording;
    }

    /** How many frames were dropped for {@code reason} so far. */
    public int drops(DropReason reason) {
        return drops.getOrDefault(reason, 0);
    }

    void countDrop(DropReason reason) {
        drops.merge(reason, 1, Integer::sum);
    }

    /** The namespace a device lives in. */
    public static Namespace namespaceOf(NetDevice dev) {
        return (Namespace) dev.home().owner();
    }

    /** The packet path of one namespace (its IPv4 stack, neighbours and sockets). */
    public NamespacePath path(Namespace ns) {
        return paths.computeIfAbsent(ns, n -> new NamespacePath(this, n));
    }

    // ---- entry points ----------------------------------------------------------------

    /** A frame arrives at {@code dev} from its wire (the far side), after {@link #WIRE_NANOS}. */
    public void inject(NetDevice dev, Frame frame) {
        inject(dev, frame, -1);
    }

    public void inject(NetDevice dev, Frame frame, int parentHop) {
        sim.schedule(WIRE_NANOS, () -> receive(dev, frame, parentHop));
    }

    /** Runs the simulation until nothing is left to do. */
    public int run() {
        return sim.run();
    }

    /** Hands {@code frame} to {@code dev} for transmission (what the device's xmit does). */
    public void xmit(NetDevice dev, Frame frame, int parentHop) {
        if (!dev.isUp()) {
            return;
        }
        if (sim.live()) {
            dev.stats().sent(frame.length());
        }
        TransmitHook hook = dev.transmitHook();
        if (hook != null) {
            hook.transmit(dev, frame, parentHop);
            return;
        }
        if (dev.kind() == LinkKind.VETH) {
            NetDevice peer = dev.peer();
            if (peer != null) {
                sim.schedule(WIRE_NANOS, () -> receive(peer, frame, parentHop));
            }
        } else if (dev.kind() == LinkKind.LOOPBACK) {
            sim.schedule(0, () -> receive(dev, frame, parentHop));
        } else if (dev.kind() == LinkKind.BRIDGE) {
            sim.schedule(0, () -> bridge(dev).transmit(frame, parentHop));
        } else if (dev.kind() != LinkKind.DUMMY) {
            sim.schedule(0, () -> {
                Handling h = new Handling(this, parentHop, node(dev), dev.name(), null, frame);
                h.drop(DropReason.NO_FAR_SIDE);
                h.finish();
            });
        }
    }

    /** A frame received by {@code dev}: its rx handler, its bridge, or its namespace's stack. */
    public void receive(NetDevice dev, Frame frame, int parentHop) {
        if (!dev.isUp() || (dev.kind() == LinkKind.VETH && !dev.carrier())) {
            Handling h = new Handling(this, parentHop, node(dev), dev.name(), dev.name(), frame);
            h.drop(DropReason.DEVICE_DOWN);
            h.finish();
            return;
        }
        if (sim.live()) {
            dev.stats().received(frame.length());
        }
        RxHandler rx = dev.rxHandler();
        if (rx != null) {
            rx.receive(dev, frame, parentHop);
            return;
        }
        NetDevice master = dev.master();
        if (master != null && master.kind() == LinkKind.BRIDGE) {
            bridge(master).receive(dev, frame, parentHop);
            return;
        }
        path(namespaceOf(dev)).receive(dev, frame, parentHop);
    }

    LinuxBridge bridge(NetDevice br) {
        return bridges.computeIfAbsent(br, b -> new LinuxBridge(this, b));
    }

    static String node(NetDevice dev) {
        String name = namespaceOf(dev).name();
        return name == null ? "" : name;
    }

    int record(int parent, String node, String device, String in, String out, Frame before, Frame after,
               List<Decision> decisions) {
        return sim.walk().record(parent, sim.clock().nanos(), node, device, in, out, before, after,
                decisions == null ? List.of() : decisions);
    }
}
