package dev.packetwalk.cloud.model;

/** The id, MAC and address a lab fixes for a port the cloud creates by itself (DHCP, router and gateway ports); nulls pin nothing. */
public record PortPin(String id, Long mac, Integer ip) {
    public static final PortPin NONE = new PortPin(null, null, null);

    public static PortPin orNone(PortPin pin) {
        return pin == null ? NONE : pin;
    }
}
