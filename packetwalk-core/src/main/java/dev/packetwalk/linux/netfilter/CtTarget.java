package dev.packetwalk.linux.netfilter;

/** CT (raw table): the conntrack template, a zone or notrack; NOTRACK is its old spelling. */
public record CtTarget(int zone, boolean notrack, boolean legacyNotrack) implements Target {
    /** "-j CT --zone ZONE" (0-65535): the conntrack zone of the packet's connection. */
    public static CtTarget zone(int zone) {
        return new CtTarget(zoneId(zone, Integer.toString(zone)), false, false);
    }

    /** "-j CT --notrack": the packet stays untracked. */
    public static CtTarget untracked() {
        return new CtTarget(0, true, false);
    }

    private static int zoneId(long zone, String text) {
        if (zone < 0 || zone > 65535) {
            throw NetfilterException.parameter("Cannot parse " + text + " as a zone ID");
        }
        return (int) zone;
    }
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

    /** Collects --zone and --notrack, each once. */
    static final class Options implements TargetOptions {
        private int zone = -1;
        private boolean notrack;

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            switch (option) {
                case "--notrack" -> {
                    if (notrack) {
                        throw NetfilterException.onlyOnce("CT", option);
                    }
                    notrack = true;
                }
                case "--zone" -> {
                    if (zone >= 0) {
                        throw NetfilterException.onlyOnce("CT", option);
                    }
                    String text = args.argument(option);
                    zone = zoneId(Hex.parseU32(text), text);
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Target build() {
            return new CtTarget(Math.max(zone, 0), notrack, false);
        }
    }
}
