package dev.packetwalk.linux.netfilter;

/** The primary IPv4 address of a device, for MASQUERADE (out device) and REDIRECT (in device). */
@FunctionalInterface
public interface DeviceAddresses {
    /** The address, or 0 when the device has none. */
    int primary(String device);

    DeviceAddresses NONE = device -> 0;
}
