package dev.packetwalk.host;

/**
 * A command line bash would refuse to run. The message is bash's own text after its
 * {@code bash: } prefix (for example {@code syntax error near unexpected token `|'}).
 */
public final class ShellSyntaxException extends RuntimeException {
    private final boolean echoesLine;

    public ShellSyntaxException(String message, boolean echoesLine) {
        super(message);
        this.echoesLine = echoesLine;
    }

    /** Whether a non-interactive bash repeats the offending line after the message. */
    public boolean echoesLine() {
        return echoesLine;
    }

    static ShellSyntaxException unexpectedToken(String token) {
        return new ShellSyntaxException("syntax error near unexpected token `" + token + "'", true);
    }
}
