package dev.packetwalk.ovs.db;

/**
 * The network devices of the machine ovs-vswitchd runs on, as its kernel datapath sees them
 * (netdev-linux): a {@code system} interface opens only when a device of that name exists, and
 * an {@code internal} interface is a device the datapath creates. The device holds the Ethernet
 * address; the database's {@code mac_in_use} is read from it. The host layer provides this;
 * without one (the {@code --enable-dummy=override} emulation) every name opens.
 */
public interface SystemDevices {
    /** A machine with no devices at all: every system interface fails with ENODEV. */
    SystemDevices NONE = new SystemDevices() {
        @Override
        public long openSystem(String name) {
            return -1;
        }

        @Override
        public long openInternal(String name, long mac) {
            return mac;
        }

        @Override
        public void setMac(String name, long mac) {
        }
    };

    /** Opens the existing device {@code name}: its address, or -1 when there is none (ENODEV). */
    long openSystem(String name);

    /**
     * Opens the internal device {@code name}, creating it with address {@code mac} when it does
     * not exist yet (wherever it was moved to, it stays the same device); returns its address.
     */
    long openInternal(String name, long mac);

    /** Sets the address of internal device {@code name} (a bridge's LOCAL port takes the bridge's). */
    void setMac(String name, long mac);
}
