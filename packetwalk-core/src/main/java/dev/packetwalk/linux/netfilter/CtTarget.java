package dev.packetwalk.linux.netfilter;

/** CT (raw table): the conntrack template, a zone or notrack; NOTRACK is its old spelling. */
public record CtTarget(int zone, boolean notrack, boolean legacyNotrack) implements Target {
    @Override
    public String name() {
        return legacyNotrack ? "NOTRACK" : "CT";
    }

    @Override
    public String listName() {
        return "CT";
    }

    @Override
    public String table() {
        return "raw";
    }

    @Override
    public void save(StringBuilder sb) {
        if (legacyNotrack) {
            return;
        }
        if (notrack) {
            sb.append(" --notrack");
        }
        if (zone != 0) {
            sb.append(" --zone ").append(zone);
        }
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        if (legacyNotrack) {
            sb.append(" NOTRACK");
            return;
        }
        sb.append(" CT");
        if (notrack) {
            sb.append(" notrack");
        }
        if (zone != 0) {
            sb.append(" zone ").append(zone);
        }
    }

    @Override
    public Outcome apply(TargetEnv env) {
        env.conntrackTemplate(zone, notrack || legacyNotrack);
        return Outcome.CONTINUE;
    }

    /** Collects --zone and --notrack. */
    public static final class Builder implements TargetBuilder {
        private int zone;
        private boolean notrack;

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            switch (option) {
                case "--notrack" -> notrack = true;
                case "--zone" -> {
                    String text = args.argument(option);
                    long z = Hex.parseU32(text);
                    if (z < 0 || z > 65535) {
                        throw NetfilterException.parameter("Bad zone value \"" + text + "\"");
                    }
                    zone = (int) z;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Target build(RuleContext context) {
            return new CtTarget(zone, notrack, false);
        }
    }
}
