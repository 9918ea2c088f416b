package dev.packetwalk.linux.netfilter;

import dev.packetwalk.net.Ipv4;

/**
 * SNAT, DNAT, MASQUERADE and REDIRECT (nat table): bind the connection to a new source or
 * destination. An address of 0 means "not given" (MASQUERADE takes the out device's address,
 * REDIRECT the in device's); a port of 0 means "keep the port".
 */
public record NatTarget(Kind kind, int addrMin, int addrMax, int portMin, int portMax, boolean random,
                        boolean randomFully, boolean persistent) implements Target {
    /** Which NAT target. */
    public enum Kind {
        SNAT("--to-source", true), DNAT("--to-destination", false),
        MASQUERADE("--to-ports", true), REDIRECT("--to-ports", false);

        private final String option;
        private final boolean source;

        Kind(String option, boolean source) {
            this.option = option;
            this.source = source;
        }

        /** True for source NAT (POSTROUTING/INPUT), false for destination NAT. */
        public boolean source() {
            return source;
        }
    }

    @Override
    public String name() {
        return kind.name();
    }

    @Override
    public String table() {
        return "nat";
    }

    private boolean addressed() {
        return kind == Kind.SNAT || kind == Kind.DNAT;
    }

    private void appendRange(StringBuilder sb) {
        if (addressed() && addrMin != 0) {
            Ipv4.appendTo(sb, addrMin);
            if (addrMax != addrMin) {
                sb.append('-');
                Ipv4.appendTo(sb, addrMax);
            }
        }
        if (portMin != 0) {
            sb.append(addressed() ? ":" : "").append(portMin);
            if (portMax != portMin) {
                sb.append('-').append(portMax);
            }
        }
    }

    private void appendFlags(StringBuilder sb, boolean save) {
        if (random) {
            sb.append(save ? " --random" : " random");
        }
        if (randomFully) {
            sb.append(save ? " --random-fully" : " random-fully");
        }
        if (persistent) {
            sb.append(save ? " --persistent" : " persistent");
        }
    }

    @Override
    public void save(StringBuilder sb) {
        if (addrMin != 0 || portMin != 0) {
            sb.append(' ').append(kind.option).append(' ');
            appendRange(sb);
        }
        appendFlags(sb, true);
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        if (addrMin != 0 || portMin != 0) {
            sb.append(switch (kind) {
                case SNAT, DNAT -> " to:";
                case MASQUERADE -> " masq ports: ";
                case REDIRECT -> " redir ports ";
            });
            appendRange(sb);
        }
        appendFlags(sb, false);
    }

    @Override
    public Outcome apply(TargetEnv env) {
        env.nat(this);
        return Outcome.ACCEPT;
    }

    /** Collects the NAT options of one kind. */
    public static final class Builder implements TargetBuilder {
        private final Kind kind;
        private String range;
        private boolean random;
        private boolean randomFully;
        private boolean persistent;

        public Builder(Kind kind) {
            this.kind = kind;
        }

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            if (option.equals(kind.option) || (kind == Kind.DNAT && option.equals("--to"))) {
                range = args.argument(option);
            } else if (option.equals("--random")) {
                random = true;
            } else if (option.equals("--random-fully")) {
                randomFully = true;
            } else if (option.equals("--persistent") && (kind == Kind.SNAT || kind == Kind.DNAT)) {
                persistent = true;
            } else {
                return false;
            }
            return true;
        }

        @Override
        public Target build(RuleContext context) {
            int[] a = {0, 0};
            int[] p = {0, 0};
            if (range != null) {
                String ports = range;
                if (kind == Kind.SNAT || kind == Kind.DNAT) {
                    int colon = range.indexOf(':');
                    String addrs = colon < 0 ? range : range.substring(0, colon);
                    ports = colon < 0 ? null : range.substring(colon + 1);
                    a = parseAddrs(addrs);
                }
                if (ports != null) {
                    if (context.proto() != Packet.TCP && context.proto() != Packet.UDP) {
                        throw NetfilterException.parameter("Need TCP, UDP, SCTP or DCCP with port specification");
                    }
                    p = parsePorts(ports);
                }
            } else if (kind == Kind.SNAT || kind == Kind.DNAT) {
                throw NetfilterException.parameter("You must specify " + kind.option);
            }
            return new NatTarget(kind, a[0], a[1], p[0], p[1], random, randomFully, persistent);
        }

        private int[] parseAddrs(String text) {
            int dash = text.indexOf('-');
            long lo = Ipv4.parseOrMinusOne(dash < 0 ? text : text.substring(0, dash));
            long hi = dash < 0 ? lo : Ipv4.parseOrMinusOne(text.substring(dash + 1));
            if (lo < 0 || hi < 0) {
                throw NetfilterException.parameter("Bad IP address \"" + text + "\"");
            }
            return new int[] {(int) lo, (int) hi};
        }

        private int[] parsePorts(String text) {
            int dash = text.indexOf('-');
            try {
                int lo = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
                int hi = dash < 0 ? lo : Integer.parseInt(text.substring(dash + 1));
                if (lo < 1 || hi > 65535 || hi < lo) {
                    throw new NumberFormatException();
                }
                return new int[] {lo, hi};
            } catch (NumberFormatException e) {
                throw NetfilterException.parameter("Port \"" + text + "\" not valid");
            }
        }
    }
}
