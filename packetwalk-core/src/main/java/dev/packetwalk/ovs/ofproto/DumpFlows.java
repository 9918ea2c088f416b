package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.flowmod.FlowModText;

import java.util.List;

/**
 * The flow lines of {@code ovs-ofctl dump-flows} and the {@code dump-aggregate} reply, as OVS
 * 3.1 prints them (ofputil_flow_stats_format): cookie, duration, table, counters, timeouts,
 * flags (OF1.3 only), ages (NXM plain dumps only, capped at 65534), then match and actions.
 */
public final class DumpFlows {
    /** The largest age an NXM flow stats reply can carry (OVS sends age + 1 in 16 bits). */
    static final int MAX_AGE = 65534;

    private DumpFlows() {
    }

    /**
     * One line with statistics (without the leading space).
     *
     * @param ages print {@code idle_age}/{@code hard_age} (plain NXM dumps only)
     */
    public static String statsLine(Rule r, long nowNanos, Protocol dump, PortNames names, boolean ages) {
        FlowMod f = r.mod();
        long nowMs = nowNanos / 1_000_000;
        long elapsed = Math.max(0, nowMs - r.createdNanos() / 1_000_000);
        StringBuilder sb = new StringBuilder(160);
        sb.append("cookie=0x").append(Long.toHexString(f.cookie())).append(", duration=");
        sb.append(duration(elapsed)).append(", table=").append(f.table());
        sb.append(", n_packets=").append(r.packets()).append(", n_bytes=").append(r.bytes()).append(", ");
        FlowModText.appendTimeoutsAndFlags(sb, f, dump);
        if (ages && dump == Protocol.OPENFLOW10) {
            long idle = age(nowMs - r.usedNanos() / 1_000_000);
            long hard = age(nowMs - r.modifiedNanos() / 1_000_000);
            sb.append("idle_age=").append(idle).append(", ");
            if (hard != elapsed / 1000) {
                sb.append("hard_age=").append(hard).append(", ");
            }
        }
        FlowModText.appendMatchAndActions(sb, f, dump, names);
        return sb.toString();
    }

    /** One {@code --no-stats} line (without the leading space). */
    public static String noStatsLine(Rule r, Protocol dump, PortNames names) {
        return FlowModText.formatNoStats(r.mod(), dump, names);
    }

    /** Seconds since an event as an NXM reply carries it: whole seconds, at most 65534. */
    static long age(long elapsedMs) {
        return elapsedMs < 0 ? 0 : Math.min(MAX_AGE, elapsedMs / 1000);
    }

    /**
     * OVS's duration: whole seconds alone, else three decimals (OVS keeps milliseconds), and
     * the {@code s} suffix.
     */
    public static String duration(long elapsedMs) {
        long sec = elapsedMs / 1000;
        int ms = (int) (elapsedMs % 1000);
        if (ms == 0) {
            return sec + "s";
        }
        return sec + "." + (ms < 10 ? "00" : ms < 100 ? "0" : "") + ms + "s";
    }

    /** The {@code dump-aggregate} reply line. */
    public static String aggregate(List<Rule> rules, Protocol protocol, int xid) {
        long packets = 0;
        long bytes = 0;
        for (Rule r : rules) {
            packets += r.packets();
            bytes += r.bytes();
        }
        String head = protocol == Protocol.OPENFLOW10 ? "NXST_AGGREGATE reply" : "OFPST_AGGREGATE reply (OF1.3)";
        return head + " (xid=0x" + Integer.toHexString(xid) + "): packet_count=" + packets + " byte_count=" + bytes
                + " flow_count=" + rules.size() + "\n";
    }
}
