package dev.packetwalk.ovs.action;

import java.util.List;

import dev.packetwalk.ovs.flow.Subfield;

/**
 * {@code learn(...)}: adds or refreshes a flow built from the current packet. The options are
 * those of ovs.md §1.4 ({@code table} defaults to 1, {@code priority} to 32768); {@code resultDst}
 * is null when not given, {@code limit} 0 when unlimited.
 */
public record Learn(int table, int idleTimeout, int hardTimeout, int finIdleTimeout, int finHardTimeout,
        int priority, long cookie, boolean sendFlowRem, boolean deleteLearned, int limit, Subfield resultDst,
        List<LearnSpec> specs) implements Action {
    public static final int DEFAULT_TABLE = 1;
    public static final int DEFAULT_PRIORITY = 32768;

    /** A typed learn action, spec by spec ({@link LearnBuilder}). */
    public static LearnBuilder builder() {
        return new LearnBuilder();
    }

    public Learn {
        specs = List.copyOf(specs);
    }
}
