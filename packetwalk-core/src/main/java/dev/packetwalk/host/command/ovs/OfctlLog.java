package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Invocation;
import dev.packetwalk.ovs.flow.LogLine;

import dev.packetwalk.host.WallClock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * ovs-ofctl's stderr log: each line gets the host clock's UTC time and a sequence number that
 * starts at 1 in every run, as in {@code 2026-11-21T19:44:27Z|00001|ofp_match|INFO|...}.
 */
final class OfctlLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Invocation inv;
    private int seq;

    OfctlLog(Invocation inv) {
        this.inv = inv;
    }

    void write(List<LogLine> lines) {
        String time = TIME.format(WallClock.instant(inv.host().clock()));
        for (LogLine l : lines) {
            seq++;
            inv.errln(time + "|" + String.format("%05d", seq) + "|" + l.format());
        }
        lines.clear();
    }
}
