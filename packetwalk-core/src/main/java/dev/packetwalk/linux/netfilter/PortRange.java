package dev.packetwalk.linux.netfilter;

/** A port or an inclusive range of ports, as the tcp, udp and multiport matches take them. */
public record PortRange(int min, int max) {
    /** Every port: what a tcp or udp match without that option tests. */
    public static final PortRange ALL = new PortRange(0, 65535);

    public PortRange {
        for (int p : new int[] {min, max}) {
            if (p < 0 || p > 65535) {
                throw NetfilterException.parameter("invalid port/service `" + p + "' specified");
            }
        }
        if (min > max) {
            throw NetfilterException.parameter("invalid portrange (min > max)");
        }
    }

    /** One port. */
    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    /** The ports from {@code min} to {@code max}, both included. */
    public static PortRange of(int min, int max) {
        return new PortRange(min, max);
    }

    public boolean single() {
        return min == max;
    }
}
