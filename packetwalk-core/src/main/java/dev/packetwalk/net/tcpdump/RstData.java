package dev.packetwalk.net.tcpdump;

import dev.packetwalk.net.packet.Data;

/** With -v tcpdump shows the data of a RST segment (at most 30 bytes, '+' when cut) with ^X and M- escapes. */
final class RstData {
    private static final int MAX = 30;

    private RstData() {
    }

    static void append(StringBuilder sb, Data data) {
        int n = data.length();
        sb.append(" [RST");
        if (n > MAX) {
            sb.append('+');
            n = MAX;
        }
        sb.append(' ');
        for (int i = 0; i < n; i++) {
            int c = data.at(i);
            if (c >= 0x80) {
                c &= 0x7f;
                sb.append("M-");
            }
            if (c < 0x20 || c == 0x7f) {
                c ^= 0x40;
                sb.append('^');
            }
            sb.append((char) c);
        }
        sb.append(']');
    }
}
