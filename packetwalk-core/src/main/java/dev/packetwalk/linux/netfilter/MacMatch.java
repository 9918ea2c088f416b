package dev.packetwalk.linux.netfilter;

import dev.packetwalk.net.MacAddress;

/** The mac match: the Ethernet source address. */
public final class MacMatch implements Match {
    private static final String OPTION = "--mac-source";

    private final long mac;
    private final boolean invert;

    private MacMatch(long mac, boolean invert) {
        this.mac = mac;
        this.invert = invert;
    }

    /** "-m mac --mac-source MAC". */
    public static MacMatch source(MacAddress mac) {
        return new MacMatch(mac.bits(), false);
    }

    /** The same test, inverted ("! --mac-source MAC"). */
    public MacMatch inverted() {
        return new MacMatch(mac, !invert);
    }

    @Override
    public String module() {
        return "mac";
    }

    @Override
    public boolean test(Packet p, MatchEnv env) {
        return (p.srcMac() == mac) != invert;
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(invert ? " !" : "").append(' ').append(OPTION).append(' ').append(MacAddress.format(mac));
    }

    @Override
    public void list(StringBuilder sb, int proto, boolean numeric) {
        sb.append(" MAC ").append(invert ? "! " : "").append(MacAddress.format(mac));
    }

    /** Collects --mac-source. */
    static final class Options implements MatchOptions {
        private MacMatch match;

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            if (!option.equals(OPTION)) {
                return false;
            }
            if (match != null) {
                throw NetfilterException.onlyOnce("mac", OPTION);
            }
            String text = args.argument(option);
            long mac = MacAddress.parseBits(text);
            if (mac < 0) {
                throw NetfilterException.parameter("Bad mac address \"" + text + "\"");
            }
            match = source(new MacAddress(mac));
            if (inv) {
                match = match.inverted();
            }
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (match == null) {
                throw NetfilterException.mustBeSpecified("mac", OPTION);
            }
            return match;
        }
    }
}
