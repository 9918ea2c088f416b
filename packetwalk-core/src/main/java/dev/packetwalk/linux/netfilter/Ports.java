package dev.packetwalk.linux.netfilter;

/** Port and port-range parsing and printing shared by the tcp, udp and multiport matches. */
final class Ports {
    private Ports() {
    }

    static int parsePort(String text, String proto) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() <= 5) {
            int p = Integer.parseInt(text);
            if (p <= 65535) {
                return p;
            }
        }
        int named = proto == null ? -1 : Names.servicePort(text, proto);
        if (named < 0) {
            throw NetfilterException.parameter("invalid port/service `" + text + "' specified");
        }
        return named;
    }

    /** Parses "a", "a:b", ":b" or "a:". */
    static PortRange parseRange(String text, String proto) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return PortRange.of(parsePort(text, proto));
        }
        int min = colon == 0 ? 0 : parsePort(text.substring(0, colon), proto);
        int max = colon == text.length() - 1 ? 65535 : parsePort(text.substring(colon + 1), proto);
        return PortRange.of(min, max);
    }

    static void appendPort(StringBuilder sb, int port, String proto, boolean numeric) {
        String name = numeric || proto == null ? null : Names.serviceName(port, proto);
        sb.append(name != null ? name : Integer.toString(port));
    }

    static void appendRange(StringBuilder sb, int min, int max, String proto, boolean numeric) {
        appendPort(sb, min, proto, numeric);
        if (min != max) {
            sb.append(':');
            appendPort(sb, max, proto, numeric);
        }
    }
}
