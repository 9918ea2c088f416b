package dev.packetwalk.host.wiring;

import dev.packetwalk.linux.Kernel;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.stack.NetStack;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.sim.Simulation;
import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowExtract;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.BridgePort;
import dev.packetwalk.ovs.ofproto.PortKind;
import dev.packetwalk.ovs.xlate.Step;
import dev.packetwalk.ovs.xlate.TraceResult;
import dev.packetwalk.ovs.xlate.Tracer;

import java.util.List;

/**
 * The packet path of the OVS kernel datapath on a host's simulation: a frame received on a
 * bound system device, sent by a namespace on an internal device, or decapsulated from VXLAN,
 * enters its bridge (flow extraction, then the OpenFlow pipeline in {@link Tracer.Mode#PACKET}
 * mode for a live run, {@link Tracer.Mode#DRY} for a dry one); the datapath actions then run
 * on the frame and each copy leaves: a system port transmits on its device (a veth's peer
 * receives it), an internal port's device receives it into its namespace, a tunnel port
 * encapsulates it through the root namespace's IP output. Each bridge crossed is one hop of the
 * walk, whose decisions are the translation's steps.
 */
public final class KernelDatapath {
    private final Kernel kernel;
    private final Vswitch vswitch;
    private final VxlanUnderlay underlay;
    private DatapathDevices devices;

    private KernelDatapath(Kernel kernel, Vswitch vswitch) {
        this.kernel = kernel;
        this.vswitch = vswitch;
        this.underlay = new VxlanUnderlay(kernel, vswitch, this);
    }

    /**
     * Wires {@code vswitch} to {@code kernel}: the switch's interfaces bind to kernel devices
     * (for the {@link dev.packetwalk.ovs.DatapathFlavour#KERNEL} flavour) and packets cross
     * between the kernel's stack and the bridges.
     */
    public static KernelDatapath attach(Kernel kernel, Vswitch vswitch) {
        KernelDatapath dp = new KernelDatapath(kernel, vswitch);
        dp.devices = new DatapathDevices(kernel, vswitch, dp);
        vswitch.db().addListener(dp.devices::transactionDone);
        vswitch.systemDevices(dp.devices);
        return dp;
    }

    /** The kernel devices bound to the switch's interfaces. */
    public DatapathDevices devices() {
        return devices;
    }

    private NetStack stack() {
        return kernel.stack();
    }

    /** The rx handler of a bound system device: the frame enters the bridge at that port. */
    public void receive(NetDevice dev, Frame frame, int parentHop) {
        enter(devices.interfaceOf(dev), frame, parentHop);
    }

    /** The transmit hook of an internal device: what its namespace sends enters the bridge there. */
    public void fromInternal(NetDevice dev, Frame frame, int parentHop) {
        String port = devices.interfaceOf(dev);
        stack().simulation().schedule(0, () -> enter(port, frame, parentHop));
    }

    private void enter(String portName, Frame frame, int parentHop) {
        Bridge bridge = portName == null ? null : vswitch.bridgeOfPort(portName).orElse(null);
        if (bridge == null) {
            return;
        }
        BridgePort port = bridge.port(portName);
        process(bridge, FlowExtract.extract(frame, port.ofport()), frame, portName, parentHop);
    }

    /** Runs {@code frame} (its flow key with in_port and metadata set) through {@code bridge}. */
    public void process(Bridge bridge, Flow flow, Frame frame, String inPort, int parentHop) {
        Simulation sim = stack().simulation();
        Tracer.Mode mode = sim.live() ? Tracer.Mode.PACKET : Tracer.Mode.DRY;
        TraceResult result = new Tracer(vswitch).trace(bridge, flow, mode, List.of(), frame.length());
        List<OdpExecution.Output> outputs = OdpExecution.run(result, frame);
        List<Step.Emitted> emitted = emitted(result);
        BridgeHops hops = new BridgeHops(result, inPort, vswitch);
        for (int i = 0; i < outputs.size() && i < emitted.size(); i++) {
            hops.emitted(emitted.get(i).bridge(), emitted.get(i).port(), outputs.get(i).frame());
        }
        hops.decide(new DatapathDecision.Actions(allActions(result), !outputs.isEmpty()));
        hops.record(sim.walk(), sim.clock().nanos(), frame, parentHop);
        for (int i = 0; i < outputs.size() && i < emitted.size(); i++) {
            Step.Emitted e = emitted.get(i);
            leave(e, outputs.get(i), hops.hopOf(e.bridge()));
        }
    }

    private static List<Step.Emitted> emitted(TraceResult result) {
        List<Step.Emitted> list = new java.util.ArrayList<>(result.outputs());
        for (TraceResult c : result.continuations()) {
            list.addAll(emitted(c));
        }
        return list;
    }

    private static List<dev.packetwalk.ovs.xlate.OdpAction> allActions(TraceResult result) {
        List<dev.packetwalk.ovs.xlate.OdpAction> list = new java.util.ArrayList<>(result.actions());
        for (TraceResult c : result.continuations()) {
            list.addAll(allActions(c));
        }
        return list;
    }

    private void leave(Step.Emitted e, OdpExecution.Output out, int hop) {
        BridgePort port = vswitch.bridge(e.bridge()).map(b -> b.port(e.port())).orElse(null);
        if (port != null && port.kind() == PortKind.TUNNEL) {
            underlay.send(port, out.tunnel(), out.frame(), hop);
            return;
        }
        NetDevice dev = devices.device(e.port());
        if (dev == null) {
            Simulation sim = stack().simulation();
            sim.walk().record(hop, sim.clock().nanos(), "", e.port(), null, null, out.frame(), null,
                    List.of(new DatapathDecision.NoDevice(e.port())));
            return;
        }
        if (dev.kind() == LinkKind.INTERNAL) {
            stack().simulation().schedule(0, () -> stack().receive(dev, out.frame(), hop));
        } else {
            stack().xmit(dev, out.frame(), hop);
        }
    }

    void syncTunnelSockets() {
        underlay.sync();
    }
}
