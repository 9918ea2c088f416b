package dev.packetwalk.linux.ipset;

/** The set types Neutron and people use, with the revision the kernel (6.1) reports. */
public enum IpSetType {
    HASH_IP("hash:ip", 6),
    HASH_NET("hash:net", 7),
    HASH_IP_PORT("hash:ip,port", 7);

    private final String text;
    private final int revision;

    IpSetType(String text, int revision) {
        this.text = text;
        this.revision = revision;
    }

    public String text() {
        return text;
    }

    public int revision() {
        return revision;
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
