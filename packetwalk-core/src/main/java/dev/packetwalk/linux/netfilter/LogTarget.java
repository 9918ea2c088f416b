package dev.packetwalk.linux.netfilter;

/** LOG: writes a kernel log line and continues. */
public record LogTarget(int level, String prefix) implements Target {
    private static final String[] LEVELS = {"emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"};
    private static final String[] LIST_LEVELS = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};

    @Override
    public String name() {
        return "LOG";
    }

    @Override
    public void save(StringBuilder sb) {
        if (prefix != null) {
            sb.append(" --log-prefix");
            Hex.appendQuoted(sb, prefix);
        }
        if (level != 4) {
            sb.append(" --log-level ").append(level);
        }
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(" LOG");
        if (numeric) {
            sb.append(" flags 0 level ").append(level);
        } else {
            sb.append(" level ").append(LIST_LEVELS[level]);
        }
        if (prefix != null) {
            sb.append(" prefix \"").append(prefix).append('"');
        }
    }

    @Override
    public Outcome apply(TargetEnv env) {
        return Outcome.CONTINUE;
    }

    /** Collects --log-level and --log-prefix. */
    static final class Options implements TargetOptions {
        private int level = 4;
        private String prefix;

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            switch (option) {
                case "--log-level" -> {
                    String text = args.argument(option);
                    level = -1;
                    for (int i = 0; i < LEVELS.length; i++) {
                        if (LEVELS[i].equalsIgnoreCase(text) || LIST_LEVELS[i].equalsIgnoreCase(text)
                                || Integer.toString(i).equals(text)) {
                            level = i;
                        }
                    }
                    if (level < 0) {
                        throw NetfilterException.parameter("log-level `" + text + "' unknown");
                    }
                }
                case "--log-prefix" -> {
                    prefix = args.argument(option);
                    if (prefix.length() > 29) {
                        throw NetfilterException.parameter("Maximum prefix length 29 for --log-prefix");
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Target build() {
            return new LogTarget(level, prefix);
        }
    }
}
