package dev.packetwalk.linux.netfilter;

/** The tcp and udp matches: source/destination port ranges and (tcp) the flags test. */
public final class PortMatch implements Match {
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    private static final int SPORT = 1;
    private static final int DPORT = 2;
    private static final int FLAGS = 4;

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
    /** The options given (SPORT, DPORT, FLAGS): each may be given once. */
    private final int given;

    private PortMatch(String module, int sMin, int sMax, boolean sInv, int dMin, int dMax, boolean dInv,
                      int flagMask, int flagCmp, boolean flagInv, int given) {
        this.module = module;
        this.sMin = sMin;
        this.sMax = sMax;
        this.sInv = sInv;
        this.dMin = dMin;
        this.dMax = dMax;
        this.dInv = dInv;
        this.flagMask = flagMask;
        this.flagCmp = flagCmp;
        this.flagInv = flagInv;
        this.given = given;
    }

    /** "-m tcp" with no option yet (every port). */
    public static PortMatch tcp() {
        return new PortMatch("tcp", 0, 65535, false, 0, 65535, false, 0, 0, false, 0);
    }

    /** "-m udp" with no option yet (every port). */
    public static PortMatch udp() {
        return new PortMatch("udp", 0, 65535, false, 0, 65535, false, 0, 0, false, 0);
    }

    /** With "--sport PORT". */
    public PortMatch sourcePort(int port) {
        return sourcePorts(PortRange.of(port), false);
    }

    /** With "--sport MIN:MAX" (or one port). */
    public PortMatch sourcePorts(PortRange range) {
        return sourcePorts(range, false);
    }

    /** With "! --sport MIN:MAX". */
    public PortMatch notSourcePorts(PortRange range) {
        return sourcePorts(range, true);
    }

    /** With "--dport PORT". */
    public PortMatch destinationPort(int port) {
        return destinationPorts(PortRange.of(port), false);
    }

    /** With "--dport MIN:MAX" (or one port). */
    public PortMatch destinationPorts(PortRange range) {
        return destinationPorts(range, false);
    }

    /** With "! --dport MIN:MAX". */
    public PortMatch notDestinationPorts(PortRange range) {
        return destinationPorts(range, true);
    }

    /**
     * With "--tcp-flags MASK COMP" (tcp only): of the flags in {@code mask}, exactly those in
     * {@code set} are on. Bits: FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32, ECE 64, CWR 128.
     */
    public PortMatch tcpFlags(int mask, int set) {
        return tcpFlags(mask, set, false);
    }

    /** With "! --tcp-flags MASK COMP". */
    public PortMatch notTcpFlags(int mask, int set) {
        return tcpFlags(mask, set, true);
    }

    /** With "--syn": SYN on, ACK, RST and FIN off. */
    public PortMatch syn() {
        return tcpFlags(0x17, 0x02, false);
    }

    PortMatch sourcePorts(PortRange r, boolean invert) {
        once(SPORT, "Only one `--source-port' allowed");
        return new PortMatch(module, r.min(), r.max(), invert, dMin, dMax, dInv, flagMask, flagCmp, flagInv,
                given | SPORT);
    }

    PortMatch destinationPorts(PortRange r, boolean invert) {
        once(DPORT, "Only one `--destination-port' allowed");
        return new PortMatch(module, sMin, sMax, sInv, r.min(), r.max(), invert, flagMask, flagCmp, flagInv,
                given | DPORT);
    }

    PortMatch tcpFlags(int mask, int set, boolean invert) {
        if (!module.equals("tcp")) {
            throw NetfilterException.parameter("unknown option \"--tcp-flags\"");
        }
        once(FLAGS, "Only one of `--syn' or `--tcp-flags'  allowed");
        if ((mask & ~0xff) != 0 || (set & ~0xff) != 0) {
            throw NetfilterException.parameter("Unknown TCP flag `" + Integer.toHexString(mask | set) + "'");
        }
        return new PortMatch(module, sMin, sMax, sInv, dMin, dMax, dInv, mask, set, invert, given | FLAGS);
    }

    private void once(int option, String message) {
        if ((given & option) != 0) {
            throw NetfilterException.parameter(message);
        }
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
    public void list(StringBuilder sb, int proto, boolean numeric) {
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
    static final class Options implements MatchOptions {
        private PortMatch match;

        Options(String module) {
            match = module.equals("tcp") ? tcp() : udp();
        }

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            boolean tcp = match.module.equals("tcp");
            switch (option) {
                case "--sport", "--source-port" ->
                    match = match.sourcePorts(Ports.parseRange(args.argument(option), match.module), invert);
                case "--dport", "--destination-port" ->
                    match = match.destinationPorts(Ports.parseRange(args.argument(option), match.module), invert);
                case "--tcp-flags" -> {
                    if (!tcp) {
                        return false;
                    }
                    int mask = parseFlags(args.argument(option));
                    match = match.tcpFlags(mask, parseFlags(args.argument(option)), invert);
                }
                case "--syn" -> {
                    if (!tcp) {
                        return false;
                    }
                    match = match.tcpFlags(0x17, 0x02, invert);
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Match build(RuleContext context) {
            return match;
        }
    }
}
