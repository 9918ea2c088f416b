package dev.packetwalk.net.sim;

/**
 * One decision a device took while handling a frame (an OpenFlow rule matched, an iptables
 * rule hit, a route chosen, NAT applied, a drop and its reason). Each device kind has its own
 * records; the walk renders them as text, JSON or pcap through separate printers.
 */
public interface Decision {
    /** A one-line description for people, in the words of the device's own tools. */
    String text();

    /** True when this decision ended the frame's journey (a drop). */
    default boolean isDrop() {
        return false;
    }
}
