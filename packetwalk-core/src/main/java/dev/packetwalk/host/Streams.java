package dev.packetwalk.host;

/** Where one command reads and writes: its standard input text, output and error buffers. */
record Streams(String in, StringBuilder out, StringBuilder err) {
    Streams withIn(String newIn) {
        return new Streams(newIn, out, err);
    }

    Streams withOut(StringBuilder newOut) {
        return new Streams(in, newOut, err);
    }

    Streams withErr(StringBuilder newErr) {
        return new Streams(in, out, newErr);
    }
}
