package dev.packetwalk.linux.netfilter;

/** The comment match: always true, carries text for people. */
public final class CommentMatch implements Match {
    private final String comment;

    private CommentMatch(String comment) {
        this.comment = comment;
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
        sb.append(" --comment");
        Hex.appendQuoted(sb, comment);
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(" /* ").append(comment).append(" */");
    }

    /** Collects --comment. */
    public static final class Builder implements MatchBuilder {
        private String comment;

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            if (!option.equals("--comment")) {
                return false;
            }
            comment = args.argument(option);
            if (comment.length() > 255) {
                throw NetfilterException.parameter("comment: option \"--comment\" must be 255 characters or less");
            }
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (comment == null) {
                throw NetfilterException.parameter("comment: option \"--comment\" must be specified");
            }
            return new CommentMatch(comment);
        }
    }
}
