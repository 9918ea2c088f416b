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

    /** "-j SNAT --to-source ADDRESS". */
    public static NatTarget snat(int address) {
        return new NatTarget(Kind.SNAT, address, address, 0, 0, false, false, false);
    }

    /** "-j DNAT --to-destination ADDRESS". */
    public static NatTarget dnat(int address) {
        return new NatTarget(Kind.DNAT, address, address, 0, 0, false, false, false);
    }

    /** "-j MASQUERADE": the out device's address. */
    public static NatTarget masquerade() {
        return new NatTarget(Kind.MASQUERADE, 0, 0, 0, 0, false, false, false);
    }

    /** "-j REDIRECT": to the in device's address, keeping the port. */
    public static NatTarget redirect() {
        return new NatTarget(Kind.REDIRECT, 0, 0, 0, 0, false, false, false);
    }

    /** "-j REDIRECT --to-ports PORTS". */
    public static NatTarget redirect(PortRange ports) {
        return redirect().withPorts(ports);
    }

    /** SNAT or DNAT to the addresses {@code min} to {@code max} ("A-B"). */
    public NatTarget withAddresses(int min, int max) {
        if (kind != Kind.SNAT && kind != Kind.DNAT) {
            throw new IllegalArgumentException(kind + " takes no address");
        }
        return new NatTarget(kind, min, max, portMin, portMax, random, randomFully, persistent);
    }

    /** With the new ports ("A:P-Q", or "--to-ports P-Q"); the rule needs a protocol with ports. */
    public NatTarget withPorts(PortRange ports) {
        if (ports.min() < 1) {
            throw NetfilterException.parameter("Port \"" + ports.min() + "\" not valid");
        }
        return new NatTarget(kind, addrMin, addrMax, ports.min(), ports.max(), random, randomFully, persistent);
    }

    /** With "--random". */
    public NatTarget withRandom() {
        return new NatTarget(kind, addrMin, addrMax, portMin, portMax, true, randomFully, persistent);
    }

    /** With "--random-fully" (Neutron adds it to the floating IP SNAT rules when iptables has it). */
    public NatTarget withRandomFully() {
        return new NatTarget(kind, addrMin, addrMax, portMin, portMax, random, true, persistent);
    }

    /** With "--persistent" (SNAT and DNAT only). */
    public NatTarget withPersistent() {
        if (kind != Kind.SNAT && kind != Kind.DNAT) {
            throw NetfilterException.parameter("unknown option \"--persistent\"");
        }
        return new NatTarget(kind, addrMin, addrMax, portMin, portMax, random, randomFully, true);
    }

    /** New ports need a protocol that has them (icmp's are its ids). */
    @Override
    public void check(RuleContext rule) {
        boolean portsOk = switch (rule.proto()) {
            case Packet.TCP, Packet.UDP, Packet.ICMP, 33, 132 -> true;
            default -> false;
        };
        if (portMin != 0 && !portsOk) {
            throw NetfilterException.parameter("Need TCP, UDP, SCTP or DCCP with port specification");
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

    /** Collects the NAT options of one kind, each once. */
    static final class Options implements TargetOptions {
        private final Kind kind;
        private NatTarget target;
        private boolean ranged;

        Options(Kind kind) {
            this.kind = kind;
            this.target = new NatTarget(kind, 0, 0, 0, 0, false, false, false);
        }

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            String name = option.equals("--to") && kind == Kind.DNAT ? kind.option : option;
            if (name.equals(kind.option)) {
                once(ranged, name);
                ranged = true;
                range(args.argument(option));
            } else if (name.equals("--random")) {
                once(target.random, name);
                target = target.withRandom();
            } else if (name.equals("--random-fully")) {
                once(target.randomFully, name);
                target = target.withRandomFully();
            } else if (name.equals("--persistent") && (kind == Kind.SNAT || kind == Kind.DNAT)) {
                once(target.persistent, name);
                target = target.withPersistent();
            } else {
                return false;
            }
            return true;
        }

        private void once(boolean given, String option) {
            if (given) {
                throw NetfilterException.onlyOnce(kind.name(), option);
            }
        }

        /** "ADDR[-ADDR][:PORT[-PORT]]" for SNAT and DNAT, "PORT[-PORT]" for the others. */
        private void range(String text) {
            String ports = text;
            if (kind == Kind.SNAT || kind == Kind.DNAT) {
                int colon = text.indexOf(':');
                String addrs = colon < 0 ? text : text.substring(0, colon);
                ports = colon < 0 ? null : text.substring(colon + 1);
                int dash = addrs.indexOf('-');
                long lo = Ipv4.parseOrMinusOne(dash < 0 ? addrs : addrs.substring(0, dash));
                long hi = dash < 0 ? lo : Ipv4.parseOrMinusOne(addrs.substring(dash + 1));
                if (lo < 0 || hi < 0) {
                    throw NetfilterException.parameter("Bad IP address \"" + addrs + "\"");
                }
                target = target.withAddresses((int) lo, (int) hi);
            }
            if (ports != null) {
                target = target.withPorts(parsePorts(ports));
            }
        }

        private static PortRange parsePorts(String text) {
            int dash = text.indexOf('-');
            try {
                int lo = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
                int hi = dash < 0 ? lo : Integer.parseInt(text.substring(dash + 1));
                if (lo < 1 || hi > 65535 || hi < lo) {
                    throw new NumberFormatException();
                }
                return PortRange.of(lo, hi);
            } catch (NumberFormatException e) {
                throw NetfilterException.parameter("Port \"" + text + "\" not valid");
            }
        }

        @Override
        public Target build() {
            if (!ranged && (kind == Kind.SNAT || kind == Kind.DNAT)) {
                throw NetfilterException.mustBeSpecified(kind.name(), kind.option);
            }
            return target;
        }
    }
}
