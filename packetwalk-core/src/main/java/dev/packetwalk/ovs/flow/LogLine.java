package dev.packetwalk.ovs.flow;

/**
 * A log message ovs-ofctl writes to stderr while parsing, without the timestamp and sequence
 * number the caller adds: {@code ofp_match|INFO|normalization changed ofp_match, details:}.
 */
public record LogLine(String module, String level, String text) {
    public static LogLine warn(String module, String text) {
        return new LogLine(module, "WARN", text);
    }

    public static LogLine info(String module, String text) {
        return new LogLine(module, "INFO", text);
    }

    /** {@code module|LEVEL|text}. */
    public String format() {
        return module + "|" + level + "|" + text;
    }
}
