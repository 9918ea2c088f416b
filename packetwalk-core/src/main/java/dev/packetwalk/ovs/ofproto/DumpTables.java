package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.ovs.flow.Protocol;

/**
 * {@code ovs-ofctl dump-tables}: per-table active/lookup/matched counts for tables 0..253, with
 * OVS's compression of repeats ({@code (same features)}, {@code table N: ditto},
 * {@code tables A...B: ditto}). OpenFlow 1.0 replies describe table 0's features; OpenFlow 1.3
 * table stats carry none.
 */
public final class DumpTables {
    static final int VISIBLE_TABLES = 254;
    private static final String OF10_FEATURES = "    max_entries=1000000\n    matching:\n"
            + "      exact match or wildcard: in_port eth_{src,dst,type} vlan_{vid,pcp} ip_{src,dst} nw_{proto,tos}"
            + " tcp_{src,dst}\n";

    private DumpTables() {
    }

    public static String format(Bridge bridge, Protocol protocol) {
        bridge.expire();
        boolean of10 = protocol == Protocol.OPENFLOW10;
        StringBuilder sb = new StringBuilder(of10 ? "OFPST_TABLE reply (xid=0x2):" : "OFPST_TABLE reply (OF1.3) (xid=0x2):");
        long[] prev = null;
        int firstDitto = -1;
        int lastDitto = -1;
        for (int id = 0; id < VISIBLE_TABLES; id++) {
            FlowTable t = bridge.tableOrNull(id);
            long[] stats = t == null ? new long[3] : new long[] {t.size(), t.lookupCount(), t.matchedCount()};
            if (prev != null && java.util.Arrays.equals(stats, prev)) {
                if (firstDitto < 0) {
                    firstDitto = id;
                }
                lastDitto = id;
                continue;
            }
            finishDitto(sb, firstDitto, lastDitto);
            firstDitto = -1;
            sb.append("\n  table ").append(id).append(":\n");
            sb.append("    active=").append(stats[0]).append(", lookup=").append(stats[1])
                    .append(", matched=").append(stats[2]).append('\n');
            if (of10) {
                sb.append(prev == null ? OF10_FEATURES : "    (same features)\n");
            }
            prev = stats;
        }
        finishDitto(sb, firstDitto, lastDitto);
        if (sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void finishDitto(StringBuilder sb, int first, int last) {
        if (first < 0) {
            return;
        }
        sb.append('\n');
        if (first == last) {
            sb.append("  table ").append(first).append(": ditto\n");
        } else {
            sb.append("  tables ").append(first).append("...").append(last).append(": ditto\n");
        }
    }
}
