package dev.packetwalk.host;

/**
 * One redirection of a simple command ({@code >/dev/null}, {@code 2>&1}, {@code &>/dev/null},
 * {@code </dev/null} ...). There is no file system: {@code /dev/null}, {@code /dev/stdout} and
 * {@code /dev/stderr} work; other files fail with a plain message.
 */
record Redirection(int fd, String operator, String target) {

    /** Thrown when a redirection cannot be made; the message is bash's text after the prefix. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** From a redirection token ({@code 2>}, {@code >&}, {@code &>} ...) and its raw target. */
    static Redirection of(String token, String target) {
        int opStart = 0;
        while (Character.isDigit(token.charAt(opStart))) {
            opStart++;
        }
        String op = token.substring(opStart);
        int fd;
        if (opStart > 0) {
            fd = Integer.parseInt(token.substring(0, opStart));
        } else if (op.startsWith("&")) {
            fd = -1;
        } else {
            fd = op.startsWith("<") ? 0 : 1;
        }
        return new Redirection(fd, op, target);
    }

    /** The streams after this redirection, with {@code file} the expanded target. */
    Streams apply(Streams streams, String file) throws Failure {
        if (operator.startsWith("<")) {
            if (fd != 0) {
                throw new Failure(fd + ": Bad file descriptor");
            }
            if (operator.equals("<&") || !file.equals("/dev/null")) {
                throw new Failure(file + ": No such file or directory");
            }
            return streams.withIn("");
        }
        if (fd == -1) {
            StringBuilder sink = sink(streams, file);
            return streams.withOut(sink).withErr(sink);
        }
        StringBuilder sink = operator.equals(">&") ? duplicate(streams, file) : sink(streams, file);
        return switch (fd) {
            case 1 -> streams.withOut(sink);
            case 2 -> streams.withErr(sink);
            default -> throw new Failure(fd + ": Bad file descriptor");
        };
    }

    private static StringBuilder duplicate(Streams streams, String target) throws Failure {
        return switch (target) {
            case "1" -> streams.out();
            case "2" -> streams.err();
            case "-" -> new StringBuilder();
            default -> {
                if (target.chars().allMatch(Character::isDigit)) {
                    throw new Failure(target + ": Bad file descriptor");
                }
                yield sink(streams, target);
            }
        };
    }

    private static StringBuilder sink(Streams streams, String file) throws Failure {
        return switch (file) {
            case "/dev/null" -> new StringBuilder();
            case "/dev/stdout" -> streams.out();
            case "/dev/stderr" -> streams.err();
            default -> throw new Failure(file + ": writing to files is not emulated (only /dev/null)");
        };
    }
}
