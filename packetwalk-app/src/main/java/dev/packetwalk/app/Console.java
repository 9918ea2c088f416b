package dev.packetwalk.app;

import java.io.InputStream;
import java.io.PrintStream;

/** Where the program talks: its input and output streams, and whether they are a terminal. */
record Console(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    static final int UNAVAILABLE = 2;

    /** Reports a part of Packetwalk that is not built yet; returns exit status 2. */
    int unavailable(String what) {
        err.println("packetwalk: labs are not available yet: " + what);
        return UNAVAILABLE;
    }
}
