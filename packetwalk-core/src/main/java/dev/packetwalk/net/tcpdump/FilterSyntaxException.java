package dev.packetwalk.net.tcpdump;

/**
 * A filter expression tcpdump rejects; the message is tcpdump's text after {@code "tcpdump: "},
 * e.g. {@code can't parse filter expression: syntax error} or {@code illegal port number 99999 > 65535}.
 */
public final class FilterSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public FilterSyntaxException(String message) {
        super(message);
    }

    static FilterSyntaxException syntax() {
        return new FilterSyntaxException("can't parse filter expression: syntax error");
    }
}
