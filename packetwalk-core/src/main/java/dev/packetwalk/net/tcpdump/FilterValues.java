package dev.packetwalk.net.tcpdump;

import java.util.Map;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

/** The literal values of filter expressions: addresses, ports (numbers or service names), named constants. */
final class FilterValues {
    private static final Map<String, Integer> SERVICES = Map.ofEntries(Map.entry("ftp", 21), Map.entry("ssh", 22),
            Map.entry("telnet", 23), Map.entry("smtp", 25), Map.entry("domain", 53), Map.entry("bootps", 67),
            Map.entry("bootpc", 68), Map.entry("http", 80), Map.entry("www", 80), Map.entry("ntp", 123),
            Map.entry("snmp", 161), Map.entry("https", 443), Map.entry("isakmp", 500), Map.entry("syslog", 514));
    private static final Map<String, Long> CONSTANTS = Map.ofEntries(Map.entry("icmptype", 0L), Map.entry("icmpcode", 1L),
            Map.entry("tcpflags", 13L), Map.entry("icmp-echoreply", 0L), Map.entry("icmp-unreach", 3L),
            Map.entry("icmp-sourcequench", 4L), Map.entry("icmp-redirect", 5L), Map.entry("icmp-echo", 8L),
            Map.entry("icmp-routeradvert", 9L), Map.entry("icmp-routersolicit", 10L), Map.entry("icmp-timxceed", 11L),
            Map.entry("icmp-paramprob", 12L), Map.entry("icmp-tstamp", 13L), Map.entry("icmp-tstampreply", 14L),
            Map.entry("tcp-fin", 1L), Map.entry("tcp-syn", 2L), Map.entry("tcp-rst", 4L), Map.entry("tcp-push", 8L),
            Map.entry("tcp-ack", 16L), Map.entry("tcp-urg", 32L), Map.entry("tcp-ece", 64L), Map.entry("tcp-cwr", 128L));

    private FilterValues() {
    }

    static boolean isNumber(String t) {
        return parseNumber(t) >= 0;
    }

    /** A decimal, 0x-hex or leading-0 octal number, as libpcap reads them; -1 when not one. */
    static long parseNumber(String t) {
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (t.length() > 1 && t.startsWith("0")) {
                return Long.parseLong(t.substring(1), 8);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static long constant(String t) {
        long v = parseNumber(t);
        if (v >= 0) {
            return v;
        }
        Long c = CONSTANTS.get(t);
        if (c == null) {
            throw FilterSyntaxException.syntax();
        }
        return c;
    }

    static int port(String t) {
        long v = parseNumber(t);
        if (v > 65535) {
            throw new FilterSyntaxException("illegal port number " + v + " > 65535");
        }
        if (v >= 0) {
            return (int) v;
        }
        Integer s = SERVICES.get(t);
        if (s == null) {
            throw new FilterSyntaxException("unknown port '" + t + "'");
        }
        return s;
    }

    static int ipv4(String t) {
        long v = Ipv4.parseOrMinusOne(t);
        if (v >= 0) {
            return (int) v;
        }
        if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && t.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch))) {
            throw new FilterSyntaxException("invalid IPv4 address '" + t + "'");
        }
        throw new FilterSyntaxException("unknown host '" + t + "'");
    }

    static long mac(String t) {
        long v = MacAddress.parseBits(t);
        if (v < 0) {
            throw new FilterSyntaxException("unknown ether host '" + t + "'");
        }
        return v;
    }

    static boolean isMac(String t) {
        return MacAddress.parseBits(t) >= 0;
    }
}
