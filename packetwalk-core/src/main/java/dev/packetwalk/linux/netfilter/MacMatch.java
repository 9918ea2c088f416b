package dev.packetwalk.linux.netfilter;

import dev.packetwalk.net.MacAddress;

/** The mac match: the Ethernet source address. */
public final class MacMatch implements Match {
    private final long mac;
    private final boolean invert;

    private MacMatch(long mac, boolean invert) {
        this.mac = mac;
        this.invert = invert;
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
        sb.append(invert ? " !" : "").append(" --mac-source ").append(MacAddress.format(mac));
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(" MAC ").append(invert ? "! " : "").append(MacAddress.format(mac));
    }

    /** Collects --mac-source. */
    public static final class Builder implements MatchBuilder {
        private MacMatch match;

        @Override
        public boolean accept(String option, boolean inv, RuleTokens args) {
            if (!option.equals("--mac-source")) {
                return false;
            }
            String text = args.argument(option);
            long mac = MacAddress.parseBits(text);
            if (mac < 0) {
                throw NetfilterException.parameter("Bad mac address \"" + text + "\"");
            }
            match = new MacMatch(mac, inv);
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (match == null) {
                throw NetfilterException.parameter("mac: option \"--mac-source\" must be specified");
            }
            return match;
        }
    }
}
