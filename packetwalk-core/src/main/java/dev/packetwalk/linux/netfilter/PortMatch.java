package dev.packetwalk.linux.netfilter;

/** The tcp and udp matches: source/destination port ranges and (tcp) the flags test. */
public final class PortMatch implements Match {
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    private final String module;
    private final int sMin;
    private final int sMax;
    private final boolean sInv;
    private final int dMin;
    private final int dMax;
    private final boolean dInv;
    private final int flagMask;
    private final int flagCmp;
    private final boolean flagInv;

    private PortMatch(Builder b) {
        this.module = b.module;
        this.sMin = b.sMin;
        this.sMax = b.sMax;
        this.sInv = b.sInv;
        this.dMin = b.dMin;
        this.dMax = b.dMax;
        this.dInv = b.dInv;
        this.flagMask = b.flagMask;
        this.flagCmp = b.flagCmp;
        this.flagInv = b.flagInv;
    }

    @Override
    public String module() {
        return module;
    }

    @Override
    public boolean test(Packet p, MatchEnv env) {
        boolean s = p.sport() >= sMin && p.sport() <= sMax;
        boolean d = p.dport() >= dMin && p.dport() <= dMax;
        if (s == sInv || d == dInv) {
            return false;
        }
        return flagMask == 0 || (((p.tcpFlags() & flagMask) == flagCmp) != flagInv);
    }

    private boolean sportSet() {
        return sMin != 0 || sMax != 65535 || sInv;
    }

    private boolean dportSet() {
        return dMin != 0 || dMax != 65535 || dInv;
    }

    @Override
    public void save(StringBuilder sb) {
        if (sportSet()) {
            sb.append(sInv ? " !" : "").append(" --sport ");
            appendSaveRange(sb, sMin, sMax);
        }
        if (dportSet()) {
            sb.append(dInv ? " !" : "").append(" --dport ");
            appendSaveRange(sb, dMin, dMax);
        }
        if (flagMask != 0) {
            sb.append(flagInv ? " !" : "").append(" --tcp-flags ");
            appendFlags(sb, flagMask);
            sb.append(' ');
            appendFlags(sb, flagCmp);
        }
    }

    private static void appendSaveRange(StringBuilder sb, int min, int max) {
        sb.append(min);
        if (min != max) {
            sb.append(':').append(max);
        }
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(' ').append(module);
        listPorts(sb, "spt", sMin, sMax, sInv, sportSet(), numeric);
        listPorts(sb, "dpt", dMin, dMax, dInv, dportSet(), numeric);
        if (flagMask != 0) {
            sb.append(" flags:").append(flagInv ? "!" : "");
            if (numeric) {
                sb.append(String.format("0x%02X/0x%02X", flagMask, flagCmp));
            } else {
                appendFlags(sb, flagMask);
                sb.append('/');
                appendFlags(sb, flagCmp);
            }
        }
    }

    private void listPorts(StringBuilder sb, String name, int min, int max, boolean inv, boolean set,
                           boolean numeric) {
        if (!set) {
            return;
        }
        sb.append(' ').append(name).append(min == max ? ":" : "s:").append(inv ? "!" : "");
        Ports.appendPort(sb, min, module, numeric);
        if (min != max) {
            sb.append(':');
            Ports.appendPort(sb, max, module, numeric);
        }
    }

    private static void appendFlags(StringBuilder sb, int flags) {
        if (flags == 0) {
            sb.append("NONE");
            return;
        }
        boolean first = true;
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                sb.append(first ? "" : ",").append(FLAG_NAMES[i]);
                first = false;
            }
        }
    }

    private static int parseFlags(String text) {
        int bits = 0;
        for (String name : text.split(",")) {
            int bit = -1;
            if (name.equalsIgnoreCase("ALL")) {
                bit = 0x3f;
            } else if (name.equalsIgnoreCase("NONE")) {
                bit = 0;
            }
            for (int i = 0; i < FLAG_NAMES.length && bit < 0; i++) {
                bit = FLAG_NAMES[i].equalsIgnoreCase(name) ? 1 << i : -1;
            }
            if (bit < 0) {
                throw NetfilterException.parameter("Unknown TCP flag `" + name + "'");
            }
            bits |= bit;
        }
        return bits;
    }

    /** Collects --sport/--dport (and for tcp --tcp-flags, --syn). */
    public static final class Builder implements MatchBuilder {
        private final String module;
        private int sMin;
        private int sMax = 65535;
        private boolean sInv;
        private int dMin;
        private int dMax = 65535;
        private boolean dInv;
        private int flagMask;
        private int flagCmp;
        private boolean flagInv;

        public Builder(String module) {
            this.module = module;
        }

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            switch (option) {
                case "--sport", "--source-port" -> {
                    int[] r = Ports.parseRange(args.argument(option), module);
                    sMin = r[0];
                    sMax = r[1];
                    sInv = invert;
                }
                case "--dport", "--destination-port" -> {
                    int[] r = Ports.parseRange(args.argument(option), module);
                    dMin = r[0];
                    dMax = r[1];
                    dInv = invert;
                }
                case "--tcp-flags" -> {
                    if (!module.equals("tcp")) {
                        return false;
                    }
                    flagMask = parseFlags(args.argument(option));
                    flagCmp = parseFlags(args.argument(option));
                    flagInv = invert;
                }
                case "--syn" -> {
                    if (!module.equals("tcp")) {
                        return false;
                    }
                    flagMask = 0x17;
                    flagCmp = 0x02;
                    flagInv = invert;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            return new PortMatch(this);
        }
    }
}
