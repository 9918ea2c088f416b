package dev.packetwalk.app;

/** Input the command line refuses (an unknown lab or node, a broken scenario): reported on stderr, exit status 2. */
final class BadInput extends RuntimeException {
    BadInput(String message) {
        super(message);
    }
}
