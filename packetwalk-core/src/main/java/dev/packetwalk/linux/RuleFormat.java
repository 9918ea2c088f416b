package dev.packetwalk.linux;

import dev.packetwalk.linux.route.PolicyRule;
import dev.packetwalk.linux.route.PolicyRules;
import dev.packetwalk.linux.route.RouteTables;
import dev.packetwalk.net.Ipv4;

/** iproute2 6.1's text for policy rules ({@code ip rule show}). */
public final class RuleFormat {
    private RuleFormat() {
    }

    public static String line(PolicyRule r, PolicyRules context) {
        StringBuilder sb = new StringBuilder();
        sb.append(Integer.toUnsignedString(r.priority())).append(":\t");
        if (r.invert()) {
            sb.append("not ");
        }
        sb.append("from ");
        prefix(sb, r.src(), r.srcLength(), "all");
        if (r.dstLength() > 0) {
            sb.append(" to ");
            prefix(sb, r.dst(), r.dstLength(), "all");
        }
        if (r.tos() != 0) {
            sb.append(" tos 0x").append(Integer.toHexString(r.tos()));
        }
        if (r.fwmark() != 0 || r.fwmask() != 0) {
            sb.append(" fwmark 0x").append(Integer.toHexString(r.fwmark()));
            if (r.fwmask() != -1) {
                sb.append("/0x").append(Integer.toHexString(r.fwmask()));
            }
        }
        if (r.iif() != null) {
            sb.append(" iif ").append(r.iif());
            if (context.detached(r.iif())) {
                sb.append(" [detached]");
            }
        }
        if (r.oif() != null) {
            sb.append(" oif ").append(r.oif());
            if (context.detached(r.oif())) {
                sb.append(" [detached]");
            }
        }
        switch (r.action()) {
            case LOOKUP -> sb.append(" lookup ").append(RouteTables.name(r.table()));
            case GOTO -> {
                sb.append(" goto ").append(Integer.toUnsignedString(r.gotoTarget()));
                if (context.unresolved(r)) {
                    sb.append(" [unresolved]");
                }
            }
            default -> sb.append(' ').append(r.action().keyword());
        }
        return sb.append('\n').toString();
    }

    private static void prefix(StringBuilder sb, int addr, int len, String all) {
        if (len == 0 && addr == 0) {
            sb.append(all);
            return;
        }
        Ipv4.appendTo(sb, addr);
        if (len != 32) {
            sb.append('/').append(len);
        }
    }

    /** Every rule, as {@code ip rule show} prints them. */
    public static String all(PolicyRules rules) {
        StringBuilder sb = new StringBuilder();
        for (PolicyRule r : rules.rules()) {
            sb.append(line(r, rules));
        }
        return sb.toString();
    }
}
