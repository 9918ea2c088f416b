package dev.packetwalk.linux.netfilter;

/** Number parsing and printing the way the iptables extensions do it (strtoul, "0x%x"). */
final class Hex {
    private Hex() {
    }

    /** Parses a C-style unsigned 32-bit number (decimal, 0x hex, 0 octal); -1 when invalid. */
    static long parseU32(String text) {
        try {
            long v;
            if (text.startsWith("0x") || text.startsWith("0X")) {
                v = Long.parseLong(text.substring(2), 16);
            } else if (text.length() > 1 && text.startsWith("0")) {
                v = Long.parseLong(text.substring(1), 8);
            } else {
                v = Long.parseLong(text);
            }
            return v >= 0 && v <= 0xffffffffL ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Parses "value[/mask]" into {value, mask}; mask defaults to {@code defaultMask}. */
    static int[] parseValueMask(String text, int defaultMask, String what) {
        int slash = text.indexOf('/');
        long v = parseU32(slash < 0 ? text : text.substring(0, slash));
        long m = slash < 0 ? defaultMask & 0xffffffffL : parseU32(text.substring(slash + 1));
        if (v < 0 || m < 0) {
            throw NetfilterException.parameter("Bad " + what + " value \"" + text + "\"");
        }
        return new int[] {(int) v, (int) m};
    }

    static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }

    /** "0xV" or "0xV/0xM" when the mask is not all ones. */
    static void appendValueMask(StringBuilder sb, int value, int mask) {
        sb.append(hex(value));
        if (mask != -1) {
            sb.append('/').append(hex(mask));
        }
    }

    /** xtables_save_string: bare when only [-_A-Za-z0-9], else double-quoted with escapes. */
    static void appendQuoted(StringBuilder sb, String value) {
        sb.append(' ');
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c == '_' || c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z');
        }
        if (plain) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == '\'') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
