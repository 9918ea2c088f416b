package dev.packetwalk.linux.netfilter;

/** Interface-name patterns as iptables uses them: exact, or a prefix when ending in '+'. */
final class Interfaces {
    private Interfaces() {
    }

    static boolean matches(String pattern, String name) {
        if (name == null || pattern == null) {
            return false;
        }
        int n = pattern.length();
        if (n > 0 && pattern.charAt(n - 1) == '+') {
            return name.regionMatches(0, pattern, 0, n - 1);
        }
        return pattern.equals(name);
    }

    static String validate(String name) {
        if (name.length() > 15) {
            throw NetfilterException.parameter("interface name `" + name
                    + "' must be shorter than IFNAMSIZ (15)");
        }
        return name;
    }
}
