package dev.packetwalk.net.packet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent checksum verifier: walks the frame's bytes by hand and asserts that every
 * IPv4 header, ICMP message and TCP/UDP segment (with pseudo-header) sums to 0xffff in
 * ones'-complement arithmetic. It shares no code with the encoder.
 */
final class ChecksumAudit {
    private ChecksumAudit() {
    }

    static void verifyFrame(byte[] b, int off, int len) {
        int at = off + 12;
        int type = u16(b, at);
        while (type == 0x8100) {
            at += 4;
            type = u16(b, at);
        }
        at += 2;
        if (type != 0x0800) {
            return;
        }
        int ihl = (b[at] & 0x0f) * 4;
        assertThat(sum(b, at, ihl, 0)).as("IPv4 header checksum").isEqualTo(0xffff);
        int total = u16(b, at + 2);
        int proto = b[at + 9] & 0xff;
        int l4 = at + ihl;
        int l4len = total - ihl;
        if ((u16(b, at + 6) & 0x3fff) != 0) {
            return;
        }
        long pseudo = u16(b, at + 12) + u16(b, at + 14) + u16(b, at + 16) + u16(b, at + 18) + proto + l4len;
        if (proto == 1) {
            assertThat(sum(b, l4, l4len, 0)).as("ICMP checksum").isEqualTo(0xffff);
        } else if (proto == 6) {
            assertThat(sum(b, l4, l4len, pseudo)).as("TCP checksum").isEqualTo(0xffff);
        } else if (proto == 17) {
            if (u16(b, l4 + 6) != 0) {
                assertThat(sum(b, l4, l4len, pseudo)).as("UDP checksum").isEqualTo(0xffff);
            }
            assertThat(u16(b, l4 + 4)).as("UDP length").isEqualTo(l4len);
            if (u16(b, l4 + 2) == 4789) {
                verifyFrame(b, l4 + 16, l4len - 16);
            }
        }
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static int sum(byte[] b, int off, int len, long start) {
        long s = start;
        for (int i = 0; i < len; i++) {
            s += (i % 2 == 0) ? (b[off + i] & 0xff) << 8 : (b[off + i] & 0xff);
        }
        while (s > 0xffff) {
            s = (s & 0xffff) + (s >> 16);
        }
        return (int) s;
    }
}
