package dev.packetwalk.linux.netfilter;

/** CONNMARK: copies marks between the packet and its connection, or sets the connection's mark. */
public record ConnmarkTarget(Mode mode, int value, int nfmask, int ctmask) implements Target {
    /** What CONNMARK does. */
    public enum Mode { SET, SAVE, RESTORE }

    /** "-j CONNMARK --save-mark --nfmask NFMASK --ctmask CTMASK": ctmark = (ctmark AND NOT ctmask) XOR (mark AND nfmask). */
    public static ConnmarkTarget saveMark(int nfmask, int ctmask) {
        return new ConnmarkTarget(Mode.SAVE, 0, nfmask, ctmask);
    }

    /** "-j CONNMARK --restore-mark --nfmask NFMASK --ctmask CTMASK": mark = (mark AND NOT nfmask) XOR (ctmark AND ctmask). */
    public static ConnmarkTarget restoreMark(int nfmask, int ctmask) {
        return new ConnmarkTarget(Mode.RESTORE, 0, nfmask, ctmask);
    }

    /** "-j CONNMARK --set-xmark VALUE/CTMASK": the connection's mark, as MARK sets the packet's. */
    public static ConnmarkTarget setXmark(int value, int ctmask) {
        return new ConnmarkTarget(Mode.SET, value, -1, ctmask);
    }

    @Override
    public String name() {
        return "CONNMARK";
    }

    @Override
    public void save(StringBuilder sb) {
        switch (mode) {
            case SET -> sb.append(" --set-xmark ").append(Hex.hex(value)).append('/').append(Hex.hex(ctmask));
            case SAVE -> sb.append(" --save-mark --nfmask ").append(Hex.hex(nfmask))
                    .append(" --ctmask ").append(Hex.hex(ctmask));
            case RESTORE -> sb.append(" --restore-mark --nfmask ").append(Hex.hex(nfmask))
                    .append(" --ctmask ").append(Hex.hex(ctmask));
        }
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(" CONNMARK");
        if (mode == Mode.SET) {
            MarkTarget.describe(sb, value, ctmask);
            return;
        }
        String word = mode == Mode.SAVE ? " save" : " restore";
        sb.append(word);
        if (nfmask == -1 && ctmask == -1) {
            return;
        }
        if (nfmask == ctmask) {
            sb.append(" mask ").append(Hex.hex(nfmask));
        } else if (mode == Mode.SAVE) {
            sb.append(" nfmask ").append(Hex.hex(nfmask)).append(" ctmask ~").append(Hex.hex(ctmask));
        } else {
            sb.append(" ctmask ").append(Hex.hex(ctmask)).append(" nfmask ~").append(Hex.hex(nfmask));
        }
    }

    @Override
    public Outcome apply(TargetEnv env) {
        Packet p = env.packet();
        switch (mode) {
            case SET -> env.connmark((p.ctMark() & ~ctmask) ^ value);
            case SAVE -> env.connmark((p.ctMark() & ~ctmask) ^ (p.mark() & nfmask));
            case RESTORE -> env.packet(p.withMark((p.mark() & ~nfmask) ^ (p.ctMark() & ctmask)));
        }
        return Outcome.CONTINUE;
    }

    /** Collects the CONNMARK options. */
    static final class Options implements TargetOptions {
        private Mode mode;
        private int value;
        private int nfmask = -1;
        private int ctmask = -1;

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            switch (option) {
                case "--save-mark" -> mode = Mode.SAVE;
                case "--restore-mark" -> mode = Mode.RESTORE;
                case "--nfmask" -> nfmask = Hex.parseValueMask(args.argument(option), -1, "nfmask")[0];
                case "--ctmask" -> ctmask = Hex.parseValueMask(args.argument(option), -1, "ctmask")[0];
                case "--mask" -> {
                    nfmask = Hex.parseValueMask(args.argument(option), -1, "mask")[0];
                    ctmask = nfmask;
                }
                default -> {
                    int[] vm = MarkTarget.parseSet(option, "0");
                    if (vm == null) {
                        return false;
                    }
                    vm = MarkTarget.parseSet(option, args.argument(option));
                    mode = Mode.SET;
                    value = vm[0];
                    ctmask = vm[1];
                }
            }
            return true;
        }

        @Override
        public Target build() {
            if (mode == null) {
                throw NetfilterException.parameter("CONNMARK target: No operation specified");
            }
            return switch (mode) {
                case SAVE -> saveMark(nfmask, ctmask);
                case RESTORE -> restoreMark(nfmask, ctmask);
                case SET -> setXmark(value, ctmask);
            };
        }
    }
}
