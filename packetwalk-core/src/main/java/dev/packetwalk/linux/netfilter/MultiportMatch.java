package dev.packetwalk.linux.netfilter;

/** The multiport match: up to 15 ports or ranges, on the source, destination or either side. */
public final class MultiportMatch implements Match {
    private final String option;
    private final int[] mins;
    private final int[] maxs;
    private final boolean invert;
    private final String proto;

    private MultiportMatch(String option, int[] mins, int[] maxs, boolean invert, String proto) {
        this.option = option;
        this.mins = mins;
        this.maxs = maxs;
        this.invert = invert;
        this.proto = proto;
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

    private void appendPorts(StringBuilder sb, boolean numeric) {
        for (int i = 0; i < mins.length; i++) {
            sb.append(i == 0 ? "" : ",");
            Ports.appendRange(sb, mins[i], maxs[i], proto, numeric);
        }
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(invert ? " !" : "").append(" --").append(option).append(' ');
        appendPorts(sb, true);
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(" multiport ").append(option).append(' ').append(invert ? "!" : "");
        appendPorts(sb, numeric);
    }

    /** Collects --sports, --dports or --ports. */
    public static final class Builder implements MatchBuilder {
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
            option = name;
            list = args.argument(opt);
            invert = inv;
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            if (option == null) {
                throw NetfilterException.parameter("multiport: option \"--ports\" must be specified");
            }
            String proto = switch (context.proto()) {
                case Packet.TCP -> "tcp";
                case Packet.UDP -> "udp";
                default -> null;
            };
            if (proto == null || context.protoInverted()) {
                throw NetfilterException.parameter(
                        "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
            }
            String[] parts = list.split(",", -1);
            if (parts.length > 15) {
                throw NetfilterException.parameter("too many ports specified");
            }
            int[] mins = new int[parts.length];
            int[] maxs = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                int[] r = Ports.parseRange(parts[i], proto);
                if (parts[i].contains(":") && r[0] >= r[1]) {
                    throw NetfilterException.parameter("invalid portrange specified");
                }
                mins[i] = r[0];
                maxs[i] = r[1];
            }
            return new MultiportMatch(option, mins, maxs, invert, proto);
        }
    }
}
