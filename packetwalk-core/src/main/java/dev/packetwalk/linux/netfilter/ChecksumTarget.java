package dev.packetwalk.linux.netfilter;

/**
 * CHECKSUM --checksum-fill (mangle table): computes the checksum of a packet whose checksum
 * was left to offloading, as the DHCP agent asks for its replies (neutron.md §9). Packets here
 * always carry their checksums, so the target changes nothing and the traversal goes on.
 */
public final class ChecksumTarget implements Target {
    /** "-j CHECKSUM --checksum-fill", the target's only form. */
    public static final ChecksumTarget FILL = new ChecksumTarget();

    private static final String OPTION = "--checksum-fill";

    private ChecksumTarget() {
    }

    @Override
    public String name() {
        return "CHECKSUM";
    }

    @Override
    public String table() {
        return "mangle";
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(' ').append(OPTION);
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(" CHECKSUM fill");
    }

    @Override
    public Outcome fixedOutcome() {
        return Outcome.CONTINUE;
    }

    @Override
    public Outcome apply(TargetEnv env) {
        return Outcome.CONTINUE;
    }

    /** Collects the one required option. */
    static final class Options implements TargetOptions {
        private boolean fill;

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            if (!option.equals(OPTION)) {
                return false;
            }
            if (fill) {
                throw NetfilterException.onlyOnce("CHECKSUM", OPTION);
            }
            if (invert) {
                throw NetfilterException.cannotBeInverted("CHECKSUM", OPTION);
            }
            fill = true;
            return true;
        }

        @Override
        public Target build() {
            if (!fill) {
                throw NetfilterException.mustBeSpecified("CHECKSUM", OPTION);
            }
            return FILL;
        }
    }
}
