package dev.packetwalk.linux.addr;

/** One IPv6 address on a device: 128 bits as two longs, prefix length and scope. */
public record Inet6Address(int ifindex, long high, long low, int prefixLength, int scope) {

    /** The EUI-64 link-local address the kernel derives from an Ethernet address. */
    public static Inet6Address linkLocal(int ifindex, long mac) {
        long hi = 0xfe80_0000_0000_0000L;
        long b0 = ((mac >>> 40) & 0xff) ^ 0x02;
        long lo = (b0 << 56) | (((mac >>> 32) & 0xff) << 48) | (((mac >>> 24) & 0xff) << 40)
                | (0xffL << 32) | (0xfeL << 24) | (mac & 0xff_ffffL);
        return new Inet6Address(ifindex, hi, lo, 64, 253);
    }

    /** {@code ::1/128 scope host}. */
    public static Inet6Address loopback(int ifindex) {
        return new Inet6Address(ifindex, 0, 1, 128, 254);
    }

    /** The address in RFC 5952 text form, as inet_ntop prints it. */
    public String text() {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            g[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
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
