package dev.packetwalk.linux.ipset;

/**
 * The set types Neutron and people use, with the revision the kernel (6.1) reports and the
 * sizes behind its "Size in memory" (measured per family: the set's header, and one bucket
 * slot per member without and with a timeout extension).
 */
public enum IpSetType {
    HASH_IP("hash:ip", 6, new int[] {192, 40, 64}, new int[] {200, 64, 80}),
    HASH_NET("hash:net", 7, new int[] {432, 48, 64}, new int[] {1216, 72, 96}),
    HASH_IP_PORT("hash:ip,port", 7, new int[] {192, 48, 64}, new int[] {208, 72, 96});

    private final String text;
    private final int revision;
    private final int[] inet;
    private final int[] inet6;

    IpSetType(String text, int revision, int[] inet, int[] inet6) {
        this.text = text;
        this.revision = revision;
        this.inet = inet;
        this.inet6 = inet6;
    }

    public String text() {
        return text;
    }

    public int revision() {
        return revision;
    }

    /** The bytes of a set's header in the kernel. */
    int headerSize(IpSetFamily family) {
        return sizes(family)[0];
    }

    /** The bytes one member takes, with or without a timeout. */
    int memberSize(IpSetFamily family, boolean timeout) {
        return sizes(family)[timeout ? 2 : 1];
    }

    private int[] sizes(IpSetFamily family) {
        return family == IpSetFamily.INET ? inet : inet6;
    }

    /** The type called {@code name}, or null. */
    public static IpSetType named(String name) {
        for (IpSetType t : values()) {
            if (t.text.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
