package dev.packetwalk.linux.netfilter;

/** MARK: sets bits of the skb mark, mark = (mark AND NOT mask) XOR value. */
public record MarkTarget(int value, int mask) implements Target {
    /** "-j MARK --set-xmark VALUE/MASK": clears the mask's bits, then XORs the value in. */
    public static MarkTarget setXmark(int value, int mask) {
        return new MarkTarget(value, mask);
    }

    /** "-j MARK --set-mark VALUE/MASK": sets the mask's bits to the value's. */
    public static MarkTarget setMark(int value, int mask) {
        return new MarkTarget(value, value | mask);
    }

    @Override
    public String name() {
        return "MARK";
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(" --set-xmark ").append(Hex.hex(value)).append('/').append(Hex.hex(mask));
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(" MARK");
        describe(sb, value, mask);
    }

    /** The MARK/CONNMARK wording: and, or, xor, set or xset. */
    static void describe(StringBuilder sb, int value, int mask) {
        if (value == 0) {
            sb.append(" and ").append(Hex.hex(~mask));
        } else if (value == mask) {
            sb.append(" or ").append(Hex.hex(value));
        } else if (mask == 0) {
            sb.append(" xor ").append(Hex.hex(value));
        } else if (mask == -1) {
            sb.append(" set ").append(Hex.hex(value));
        } else {
            sb.append(" xset ").append(Hex.hex(value)).append('/').append(Hex.hex(mask));
        }
    }

    @Override
    public Outcome apply(TargetEnv env) {
        Packet p = env.packet();
        env.packet(p.withMark((p.mark() & ~mask) ^ value));
        return Outcome.CONTINUE;
    }

    /** Parses the --set-xmark, --set-mark, --and-mark, --or-mark and --xor-mark forms. */
    static int[] parseSet(String option, String text) {
        switch (option) {
            case "--set-xmark" -> {
                return Hex.parseValueMask(text, -1, "set-xmark");
            }
            case "--set-mark" -> {
                int[] vm = Hex.parseValueMask(text, -1, "set-mark");
                return new int[] {vm[0], vm[0] | vm[1]};
            }
            case "--and-mark" -> {
                int[] vm = Hex.parseValueMask(text, -1, "and-mark");
                return new int[] {0, ~vm[0]};
            }
            case "--or-mark" -> {
                int[] vm = Hex.parseValueMask(text, -1, "or-mark");
                return new int[] {vm[0], vm[0]};
            }
            case "--xor-mark" -> {
                int[] vm = Hex.parseValueMask(text, -1, "xor-mark");
                return new int[] {vm[0], 0};
            }
            default -> {
                return null;
            }
        }
    }

    /** Collects one of the set forms. */
    static final class Options implements TargetOptions {
        private MarkTarget target;

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            if (parseSet(option, "0") == null) {
                return false;
            }
            int[] vm = parseSet(option, args.argument(option));
            target = setXmark(vm[0], vm[1]);
            return true;
        }

        @Override
        public Target build() {
            if (target == null) {
                throw NetfilterException.parameter("MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required");
            }
            return target;
        }
    }
}
