package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.netfilter.Step;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.sim.Decision;

import java.util.ArrayList;
import java.util.List;

/**
 * One device handling one delivery (the context of a hop): the decisions taken and the frames
 * to transmit. {@link #finish} records the hop and only then hands the frames to their
 * devices, so the hops they cause name this one as their parent.
 */
final class Handling {
    private final NetStack stack;
    private final int parent;
    private final String node;
    private final String device;
    private final String in;
    private final Frame before;
    private final List<Decision> decisions;
    private String out;
    private Frame after;
    private List<Object> sends;
    private java.util.function.IntConsumer afterwards;

    Handling(NetStack stack, int parent, String node, String device, String in, Frame before) {
        this.stack = stack;
        this.parent = parent;
        this.node = node;
        this.device = device;
        this.in = in;
        this.before = before;
        this.decisions = stack.recording() ? new ArrayList<>(4) : null;
    }

    NetStack stack() {
        return stack;
    }

    boolean recording() {
        return decisions != null;
    }

    void decide(Decision d) {
        if (decisions != null) {
            decisions.add(d);
        }
    }

    void steps(List<Step> steps) {
        if (decisions != null) {
            for (Step s : steps) {
                decisions.add(new StackDecision.NetfilterStep(s));
            }
        }
    }

    void drop(DropReason reason) {
        decide(new StackDecision.Dropped(reason));
        stack.countDrop(reason);
    }

    /** Queues {@code frame} for transmission by {@code dev} once the hop is recorded. */
    void transmit(NetDevice dev, Frame frame) {
        if (sends == null) {
            sends = new ArrayList<>(2);
        }
        sends.add(dev);
        sends.add(frame);
        if (out == null) {
            out = dev.name();
            after = frame;
        }
    }

    /** Runs {@code task} with this hop's id once it is recorded (a socket taking the packet). */
    void afterFinish(java.util.function.IntConsumer task) {
        afterwards = afterwards == null ? task : afterwards.andThen(task);
    }

    /** Records the hop and transmits its frames; returns the hop's id. */
    int finish() {
        int id = stack.record(parent, node, device, in, out, before, after, decisions);
        if (sends != null) {
            for (int i = 0; i < sends.size(); i += 2) {
                stack.xmit((NetDevice) sends.get(i), (Frame) sends.get(i + 1), id);
            }
        }
        if (afterwards != null) {
            afterwards.accept(id);
        }
        return id;
    }
}
