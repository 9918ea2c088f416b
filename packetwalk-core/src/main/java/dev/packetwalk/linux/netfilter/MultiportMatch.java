package dev.packetwalk.linux.netfilter;

import java.util.List;

/** The multiport match: up to 15 ports or ranges, on the source, destination or either side. */
public final class MultiportMatch implements Match {
    private static final String NEEDS_PROTOCOL =
            "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'";

    private final String option;
    private final int[] mins;
    private final int[] maxs;
    private final boolean invert;

    private MultiportMatch(String option, int[] mins, int[] maxs, boolean invert) {
        this.option = option;
        this.mins = mins;
        this.maxs = maxs;
        this.invert = invert;
    }

    private static MultiportMatch of(String option, List<PortRange> ranges) {
        if (ranges.isEmpty()) {
            throw NetfilterException.parameter("invalid port/service `' specified");
        }
        if (ranges.size() > 15) {
            throw NetfilterException.parameter("too many ports specified");
        }
        int[] mins = new int[ranges.size()];
        int[] maxs = new int[ranges.size()];
        for (int i = 0; i < mins.length; i++) {
            mins[i] = ranges.get(i).min();
            maxs[i] = ranges.get(i).max();
        }
        return new MultiportMatch(option, mins, maxs, false);
    }

    /** "-m multiport --sports P1,P2,MIN:MAX" (at most 15); the rule needs -p tcp or udp. */
    public static MultiportMatch sourcePorts(PortRange... ranges) {
        return of("sports", List.of(ranges));
    }

    /** "-m multiport --dports P1,P2,MIN:MAX" (at most 15); the rule needs -p tcp or udp. */
    public static MultiportMatch destinationPorts(PortRange... ranges) {
        return of("dports", List.of(ranges));
    }

    /** "-m multiport --ports ...": the source or the destination port is in the list. */
    public static MultiportMatch ports(PortRange... ranges) {
        return of("ports", List.of(ranges));
    }

    /** The same test, inverted ("! --dports ..."). */
    public MultiportMatch inverted() {
        return new MultiportMatch(option, mins, maxs, !invert);
    }

    /** The service-name protocol of a rule that may carry multiport, or the error iptables gives. */
    private static String protocolOf(RuleContext rule) {
        String proto = switch (rule.proto()) {
            case Packet.TCP -> "tcp";
            case Packet.UDP -> "udp";
            default -> null;
        };
        if (proto == null || rule.protoInverted()) {
            throw NetfilterException.parameter(NEEDS_PROTOCOL);
        }
        return proto;
    }

    @Override
    public void check(RuleContext rule) {
        protocolOf(rule);
    }

    @Override
    public String module() {
        return "multiport";
    }

    private boolean hit(int port) {
        for (int i = 0; i < mins.length; i++) {
            if (port >= mins[i] && port <= maxs[i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean test(Packet p, MatchEnv env) {
        boolean h = switch (option) {
            case "sports" -> hit(p.sport());
            case "dports" -> hit(p.dport());
            default -> hit(p.sport()) || hit(p.dport());
        };
        return h != invert;
    }

    private void appendPorts(StringBuilder sb, String proto, boolean numeric) {
        for (int i = 0; i < mins.length; i++) {
            sb.append(i == 0 ? "" : ",");
            Ports.appendRange(sb, mins[i], maxs[i], proto, numeric);
        }
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(invert ? " !" : "").append(" --").append(option).append(' ');
        appendPorts(sb, null, true);
    }

    @Override
    public void list(StringBuilder sb, int proto, boolean numeric) {
        sb.append(" multiport ").append(option).append(' ').append(invert ? "!" : "");
        appendPorts(sb, proto == Packet.TCP ? "tcp" : proto == Packet.UDP ? "udp" : null, numeric);
    }

    /** Collects --sports, --dports or --ports (one of them, once). */
    static final class Options implements MatchOptions {
        private static final List<String> NAMES = List.of("sports", "dports", "ports");
        private static final List<String> CANONICAL = List.of("source-ports", "destination-ports", "ports");

        private String option;
        private String list;
        private boolean invert;

        @Override
        public boolean accept(String opt, boolean inv, RuleTokens args) {
            String name = switch (opt) {
                case "--sports", "--source-ports" -> "sports";
                case "--dports", "--destination-ports" -> "dports";
                case "--ports" -> "ports";
                default -> null;
            };
            if (name == null) {
                return false;
            }
            if (name.equals(option)) {
                throw NetfilterException.onlyOnce("multiport", "--" + CANONICAL.get(NAMES.indexOf(name)));
            }
            if (option != null) {
                int a = Math.min(NAMES.indexOf(name), NAMES.indexOf(option));
                int b = Math.max(NAMES.indexOf(name), NAMES.indexOf(option));
                throw NetfilterException.parameter("multiport: option \"--" + CANONICAL.get(a)
                        + "\" cannot be used together with \"--" + CANONICAL.get(b) + "\".\n");
            }
            option = name;
            list = args.argument(opt);
            invert = inv;
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (option == null) {
                throw NetfilterException.parameter("multiport expection an option");
            }
            String proto = protocolOf(context);
            String[] parts = list.split(",", -1);
            if (parts.length > 15) {
                throw NetfilterException.parameter("too many ports specified");
            }
            PortRange[] ranges = new PortRange[parts.length];
            for (int i = 0; i < parts.length; i++) {
                ranges[i] = range(parts[i], proto);
            }
            MultiportMatch m = of(option, List.of(ranges));
            return invert ? m.inverted() : m;
        }

        /** "PORT" or "MIN:MAX" with MIN below MAX. */
        private static PortRange range(String text, String proto) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                return PortRange.of(Ports.parsePort(text, proto));
            }
            int min = Ports.parsePort(text.substring(0, colon), proto);
            int max = Ports.parsePort(text.substring(colon + 1), proto);
            if (min >= max) {
                throw NetfilterException.parameter("invalid portrange specified");
            }
            return PortRange.of(min, max);
        }
    }
}
