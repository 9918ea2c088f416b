package dev.packetwalk.host.command.ovs;

import java.util.Random;

/** Random ovs-ofctl flow-mod and dump commands over a small pool of tables, matches and cookies. */
final class FlowModGenerator {
    private static final String[] MATCHES = {"", "in_port=1", "in_port=2", "in_port=1,dl_src=00:00:00:00:00:01",
        "ip,nw_src=10.0.0.1", "ip", "tcp,tp_dst=80", "tcp", "dl_vlan=2", "arp,arp_tpa=10.0.0.9",
        "in_port=2,ip,nw_dst=10.0.0.0/24", "vlan_tci=0/0x1000", "dl_vlan=2,dl_vlan_pcp=1", "vlan_tci=0x1000/0x1000",
        "send_flow_rem,in_port=1", "reset_counts,ip"};
    private static final String[] ACTIONS = {"drop", "output:2", "NORMAL", "resubmit(,1)", "mod_vlan_vid:3,output:1",
        "load:0x5a->NXM_NX_TUN_ID[],output:2", "strip_vlan,output:1", "mod_vlan_pcp:2,NORMAL",
        "push_vlan:0x8100,set_field:4101->vlan_vid,output:2", "set_field:4099->vlan_vid", "goto_table:2",
        "write_actions(output:1)", "mod_nw_src:10.0.0.2,output:1"};
    private static final String[] COOKIES = {"", "cookie=0x1,", "cookie=0x2,"};
    private static final String[] OPTS = {"", "", "", "-O OpenFlow13 "};

    private FlowModGenerator() {
    }

    static String op(Random r) {
        String opt = OPTS[r.nextInt(OPTS.length)];
        String table = r.nextInt(3) == 0 ? "" : "table=" + r.nextInt(3) + ",";
        String prio = r.nextInt(4) == 0 ? "" : "priority=" + (r.nextInt(3) * 10) + ",";
        String match = MATCHES[r.nextInt(MATCHES.length)];
        String m = match.isEmpty() ? "" : match + ",";
        String action = ACTIONS[r.nextInt(ACTIONS.length)];
        return switch (r.nextInt(9)) {
            case 0, 1, 2 -> "ovs-ofctl " + opt + "add-flow br0 \"" + COOKIES[r.nextInt(3)] + table + prio + m
                    + (r.nextInt(5) == 0 ? "idle_timeout=60," : "") + "actions=" + action + "\"";
            case 3 -> "ovs-ofctl " + opt + "mod-flows br0 " + (r.nextBoolean() ? "--strict " : "")
                    + "\"" + COOKIES[r.nextInt(3)] + cookieMask(r) + table + prio + m + "actions=" + action + "\"";
            case 4 -> "ovs-ofctl " + opt + "del-flows br0 " + (r.nextBoolean() ? "--strict " : "") + "\""
                    + strip(cookieMask(r) + table + prio + m) + "\"";
            case 5 -> "ovs-ofctl " + opt + "del-flows br0 \"" + strip(cookieMask(r) + table + m) + "\"";
            case 6 -> "ovs-ofctl " + opt + "dump-flows br0 \"" + strip(cookieMask(r) + table + m) + "\"";
            case 7 -> "ovs-ofctl " + opt + "dump-aggregate br0 \"" + strip(cookieMask(r) + table + m) + "\"";
            default -> "ovs-ofctl " + opt + "dump-flows --no-stats --rsort br0";
        };
    }

    private static String cookieMask(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "cookie=0x1/-1,";
            case 1 -> "cookie=0x2/0x2,";
            default -> "";
        };
    }

    private static String strip(String s) {
        return s.endsWith(",") ? s.substring(0, s.length() - 1) : s;
    }
}
