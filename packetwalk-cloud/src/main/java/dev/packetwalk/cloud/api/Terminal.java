package dev.packetwalk.cloud.api;

import dev.packetwalk.host.Invocation;

import java.util.OptionalInt;

/**
 * The terminal a client's standard output may be: cliff asks its width to fit tables into it,
 * and asks nothing when output goes to a pipe or a file. The application, which knows its
 * screen and the shell's pipelines, answers; a test pins a width.
 */
@FunctionalInterface
public interface Terminal {
    /** No terminal: output always goes to a pipe or a file (tables print at their natural width). */
    Terminal NONE = invocation -> OptionalInt.empty();

    /** The width in columns when this invocation writes to a terminal; empty when it writes to a pipe or a file. */
    OptionalInt columns(Invocation invocation);

    /** A terminal of a fixed width behind every invocation. */
    static Terminal of(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("a terminal has at least one column, not " + columns);
        }
        return invocation -> OptionalInt.of(columns);
    }
}
