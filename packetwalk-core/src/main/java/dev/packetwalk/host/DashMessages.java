package dev.packetwalk.host;

/** How Debian's /bin/sh (dash) words the syntax errors bash reports its own way. */
final class DashMessages {
    private static final String NEAR = "syntax error near unexpected token `";

    private DashMessages() {
    }

    static String syntaxError(ShellSyntaxException e) {
        String message = e.getMessage();
        if (message.startsWith(NEAR)) {
            String token = message.substring(NEAR.length(), message.length() - 1);
            return "Syntax error: \"" + token + "\" unexpected";
        }
        if (message.equals("syntax error: unexpected end of file")) {
            return "Syntax error: end of file unexpected";
        }
        return message;
    }
}
