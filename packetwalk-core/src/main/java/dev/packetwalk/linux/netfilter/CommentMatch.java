package dev.packetwalk.linux.netfilter;

/** The comment match: always true, carries text for people. */
public final class CommentMatch implements Match {
    private static final String OPTION = "--comment";

    private final String comment;

    private CommentMatch(String comment) {
        this.comment = comment;
    }

    /** "-m comment --comment TEXT"; the text has at most 255 characters. */
    public static CommentMatch of(String text) {
        if (text.length() > 255) {
            throw NetfilterException.parameter("comment: option \"--comment\" must be 255 characters or less");
        }
        return new CommentMatch(text);
    }

    public String comment() {
        return comment;
    }

    @Override
    public String module() {
        return "comment";
    }

    @Override
    public boolean test(Packet p, MatchEnv env) {
        return true;
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(' ').append(OPTION);
        Hex.appendQuoted(sb, comment);
    }

    @Override
    public void list(StringBuilder sb, int proto, boolean numeric) {
        sb.append(" /* ").append(comment).append(" */");
    }

    /** Collects --comment. */
    static final class Options implements MatchOptions {
        private CommentMatch match;

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            if (!option.equals(OPTION)) {
                return false;
            }
            if (match != null) {
                throw NetfilterException.onlyOnce("comment", OPTION);
            }
            if (invert) {
                throw NetfilterException.cannotBeInverted("comment", OPTION);
            }
            match = of(args.argument(option));
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (match == null) {
                throw NetfilterException.mustBeSpecified("comment", OPTION);
            }
            return match;
        }
    }
}
