package dev.packetwalk.linux.ipset;

/** The address family of a set ("family inet" or "family inet6"), and its address width. */
public enum IpSetFamily {
    INET("inet", 32),
    INET6("inet6", 128);

    private final String text;
    private final int bits;

    IpSetFamily(String text, int bits) {
        this.text = text;
        this.bits = bits;
    }

    /** The name ipset prints after "family". */
    public String text() {
        return text;
    }

    /** The address length in bits: a host's prefix length. */
    public int bits() {
        return bits;
    }

    /** The family called {@code name}, or null. */
    public static IpSetFamily named(String name) {
        for (IpSetFamily f : values()) {
            if (f.text.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
