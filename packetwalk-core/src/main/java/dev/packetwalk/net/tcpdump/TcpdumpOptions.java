package dev.packetwalk.net.tcpdump;

/** How {@link TcpdumpFormat} prints: {@code -e} (link-level header) and the number of {@code -v}. */
public record TcpdumpOptions(boolean linkHeader, int verbosity) {
    public static final TcpdumpOptions DEFAULT = new TcpdumpOptions(false, 0);
    public static final TcpdumpOptions LINK = new TcpdumpOptions(true, 0);

    public TcpdumpOptions {
        if (verbosity < 0 || verbosity > 3) {
            throw new IllegalArgumentException("verbosity must be 0..3 (-v, -vv, -vvv), not " + verbosity);
        }
    }
}
