package dev.packetwalk.linux.netfilter;

import dev.packetwalk.net.Ipv4;

/**
 * Prints chains the way "iptables -L" does, with its flags: numeric (-n), verbose (-v, counters
 * and devices), exact (-x, counters without K/M/G suffixes) and line numbers.
 */
public record ListFormat(boolean numeric, boolean verbose, boolean exact, boolean lineNumbers) {

    /** The chain's header, column titles and rules; {@code refs} counts jumps to a user chain. */
    public void appendChain(StringBuilder sb, Chain chain, int refs) {
        sb.append("Chain ").append(chain.name());
        if (chain.builtin()) {
            sb.append(" (policy ").append(chain.policy());
            if (verbose) {
                sb.append(' ');
                num(sb, chain.packets(), true);
                sb.append("packets, ");
                num(sb, chain.bytes(), true);
                sb.append("bytes");
            }
            sb.append(")\n");
        } else {
            sb.append(" (").append(refs).append(" references)\n");
        }
        if (lineNumbers) {
            sb.append("num  ");
        }
        if (verbose) {
            if (exact) {
                sb.append("    pkts      bytes ");
            } else {
                sb.append(" pkts bytes ");
            }
        }
        sb.append("target     prot opt ");
        if (verbose) {
            sb.append("in     out     ");
        }
        sb.append("source               destination         \n");
        int n = 1;
        for (Rule r : chain.rules()) {
            appendRule(sb, r, n++);
        }
    }

    /** One rule line, as "iptables -L CHAIN N" prints it. */
    public void appendRule(StringBuilder sb, Rule r, int lineNumber) {
        if (lineNumbers) {
            pad(sb, Integer.toString(lineNumber), 4);
            sb.append(' ');
        }
        if (verbose) {
            num(sb, r.packets(), false);
            num(sb, r.bytes(), false);
        }
        Target t = r.target();
        pad(sb, t == null ? "" : t.listName(), 9);
        sb.append(' ');
        sb.append(r.inverted(Rule.INV_PROTO) ? '!' : ' ');
        String pname = numeric ? null : Names.protocolName(r.proto());
        pad(sb, pname != null ? pname : Integer.toString(r.proto()), 4);
        sb.append(' ').append("-- ");
        if (verbose) {
            sb.append(' ');
            pad(sb, device(r.in(), r.inverted(Rule.INV_IN)), 6);
            sb.append(' ');
            pad(sb, device(r.out(), r.inverted(Rule.INV_OUT)), 6);
            sb.append(' ');
        }
        address(sb, r.src(), r.srcMask(), r.inverted(Rule.INV_SRC));
        address(sb, r.dst(), r.dstMask(), r.inverted(Rule.INV_DST));
        if (t instanceof JumpTarget j && j.isGoto()) {
            sb.append("[goto] ");
        }
        for (Match m : r.matches()) {
            m.list(sb, r.proto(), numeric);
        }
        if (t != null) {
            t.list(sb, numeric);
        }
        sb.append('\n');
    }

    private String device(String name, boolean inverted) {
        String s = name != null ? name : numeric ? "*" : "any";
        return inverted ? "!" + s : s;
    }

    private void address(StringBuilder sb, int addr, int mask, boolean inverted) {
        sb.append(inverted ? '!' : ' ');
        String text;
        if (mask == 0 && !numeric) {
            text = "anywhere";
        } else {
            StringBuilder a = new StringBuilder();
            String name = numeric ? null : Names.addressName(addr);
            if (name != null) {
                a.append(name);
            } else {
                Ipv4.appendTo(a, addr);
            }
            int len = Ipv4.prefixLengthOf(mask);
            if (len < 0) {
                a.append('/');
                Ipv4.appendTo(a, mask);
            } else if (len != 32) {
                a.append('/').append(len);
            }
            text = a.toString();
        }
        pad(sb, text, 19);
        sb.append(' ');
    }

    private static void pad(StringBuilder sb, String s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
    }

    /** xtables_print_num: right-aligned, with K/M/G/T unless exact; "notable" is the header form. */
    private void num(StringBuilder sb, long number, boolean notable) {
        if (exact) {
            String s = Long.toUnsignedString(number);
            if (!notable) {
                for (int i = s.length(); i < 8; i++) {
                    sb.append(' ');
                }
            }
            sb.append(s).append(' ');
            return;
        }
        String suffix = "";
        if (Long.compareUnsigned(number, 99999) > 0) {
            String[] units = {"K", "M", "G", "T"};
            for (int i = 0; i < units.length; i++) {
                number = (number + 500) / 1000;
                suffix = units[i];
                if (number <= 9999 || i == units.length - 1) {
                    break;
                }
            }
        }
        String s = number + suffix;
        if (!notable) {
            for (int i = s.length(); i < 5; i++) {
                sb.append(' ');
            }
        }
        sb.append(s).append(' ');
    }
}
