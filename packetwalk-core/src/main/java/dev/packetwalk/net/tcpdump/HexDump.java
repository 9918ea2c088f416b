package dev.packetwalk.net.tcpdump;

import dev.packetwalk.net.packet.Data;

/** tcpdump's default hex-and-ASCII dump of bytes it has no dissector for. */
final class HexDump {
    private HexDump() {
    }

    static void append(StringBuilder sb, Data data) {
        int n = data.length();
        for (int line = 0; line < n; line += 16) {
            sb.append("\n\t0x").append(String.format("%04x", line)).append(": ");
            int start = sb.length();
            int end = Math.min(n, line + 16);
            for (int i = line; i < end; i += 2) {
                sb.append(' ').append(hex(data.at(i)));
                if (i + 1 < end) {
                    sb.append(hex(data.at(i + 1)));
                }
            }
            while (sb.length() - start < 40) {
                sb.append(' ');
            }
            sb.append("  ");
            for (int i = line; i < end; i++) {
                int c = data.at(i);
                sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
            }
        }
    }

    private static String hex(int b) {
        return String.format("%02x", b);
    }
}
