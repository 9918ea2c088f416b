package dev.packetwalk.app;

import java.io.InputStream;
import java.io.PrintStream;

/** Where the program talks: its input and output streams, and whether they are a terminal. */
record Console(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    static final int BAD_INPUT = 2;

    /** Reports bad input on stderr; returns exit status 2. */
    int refuse(String message) {
        err.println("packetwalk: " + message);
        return BAD_INPUT;
    }
}
