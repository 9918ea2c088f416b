package dev.packetwalk.ovs;

/**
 * Which datapath ovs-vswitchd runs its bridges on, as far as opening ports is concerned.
 */
public enum DatapathFlavour {
    /**
     * The Linux kernel datapath ({@code ovs-system}), as on a Debian host: a system port opens
     * only when the kernel has a device of that name ({@code could not open network device X
     * (No such device)} otherwise), internal ports are kernel devices. The default.
     */
    KERNEL,
    /**
     * ovs-vswitchd started with {@code --enable-dummy=override}: every device is a dummy netdev,
     * so any port name opens and MACs are OVS's own. The differential suites select this because
     * their oracle is a real OVS started that way.
     */
    DUMMY
}
