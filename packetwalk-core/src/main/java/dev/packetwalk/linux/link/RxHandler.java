package dev.packetwalk.linux.link;

import dev.packetwalk.net.packet.Frame;

/**
 * What the kernel's rx_handler is: a frame received on an enslaved device goes to its master
 * instead of the device's own IP stack. The Linux bridge has its own; the host layer registers
 * one for devices attached to an Open vSwitch datapath.
 */
@FunctionalInterface
public interface RxHandler {
    /** Handles {@code frame} received on {@code port}; {@code parentHop} is the hop that emitted it. */
    void receive(NetDevice port, Frame frame, int parentHop);
}
