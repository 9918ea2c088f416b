package dev.packetwalk.linux.link;

/**
 * The kinds of net device the emulator knows, with what the kernel shows for each: the
 * iproute2 kind word, the interface flags it always carries, its qdisc once it has been up,
 * and whether it has an Ethernet address.
 */
public enum LinkKind {
    LOOPBACK("loopback", "LOOPBACK", "noqueue", false),
    VETH("veth", "BROADCAST,MULTICAST", "noqueue", true),
    BRIDGE("bridge", "BROADCAST,MULTICAST", "noqueue", true),
    DUMMY("dummy", "BROADCAST,NOARP", "noqueue", true),
    VXLAN("vxlan", "BROADCAST,MULTICAST", "noqueue", true),
    TUN("tun", "BROADCAST,MULTICAST", "pfifo_fast", true),
    /** A device another part of the host provides, such as an Open vSwitch internal port. */
    INTERNAL("openvswitch", "BROADCAST,MULTICAST", "noqueue", true),
    /** A physical NIC. */
    ETHERNET("", "BROADCAST,MULTICAST", "mq", true);

    private final String word;
    private final String baseFlags;
    private final String qdisc;
    private final boolean ether;

    LinkKind(String word, String baseFlags, String qdisc, boolean ether) {
        this.word = word;
        this.baseFlags = baseFlags;
        this.qdisc = qdisc;
        this.ether = ether;
    }

    /** The word after {@code type} in {@code ip link add}. */
    public String word() {
        return word;
    }

    /** The flags shown before UP/LOWER_UP ({@code BROADCAST,MULTICAST}). */
    public String baseFlags() {
        return baseFlags;
    }

    /** The qdisc shown once the device has been up (before that it is {@code noop}). */
    public String qdisc() {
        return qdisc;
    }

    /** True when the device has an Ethernet address ({@code link/ether}). */
    public boolean isEther() {
        return ether;
    }

    /** The kind {@code ip link add ... type WORD} creates, or null when it is not one. */
    public static LinkKind byTypeWord(String word) {
        return switch (word) {
            case "veth" -> VETH;
            case "bridge" -> BRIDGE;
            case "dummy" -> DUMMY;
            case "vxlan" -> VXLAN;
            default -> null;
        };
    }
}
