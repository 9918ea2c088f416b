package dev.packetwalk.net;

/** IPv6 addresses as two longs (high, low): parsing and printing in the text forms the tools use. */
public final class Ipv6 {
    private Ipv6() {
    }

    /** Parses an IPv6 address (any form inet_pton accepts) into {high, low}; null if invalid. */
    public static long[] parse(String s) {
        try {
            if (s.isEmpty() || !s.contains(":") || !s.matches("[0-9a-fA-F:.]+")) {
                return null;
            }
            byte[] b = java.net.InetAddress.getByName("[" + s + "]").getAddress();
            if (b.length != 16) {
                return null;
            }
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (b[i] & 0xff);
                lo = (lo << 8) | (b[i + 8] & 0xff);
            }
            return new long[] {hi, lo};
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** RFC 5952 text of an IPv6 address, as glibc's inet_ntop prints it (IPv4-mapped and -compatible forms too). */
    public static String format(long hi, long lo) {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
            g[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8;) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder();
        if (bestStart == 0 && bestLen == 6 || bestStart == 0 && bestLen == 5 && g[5] == 0xffff) {
            sb.append("::");
            if (bestLen == 5) {
                sb.append("ffff:");
            }
            return sb.append(Ipv4.format((g[6] << 16) | g[7])).toString();
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
