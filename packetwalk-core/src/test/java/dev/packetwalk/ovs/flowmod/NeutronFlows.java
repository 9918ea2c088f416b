package dev.packetwalk.ovs.flowmod;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of flow lines shaped like the ones the Neutron OVS agent writes on br-int,
 * br-tun and br-ex (neutron.md §4-5), plus random combinations of match fields and actions.
 * Lines carry no table or cookie; the caller adds them.
 */
final class NeutronFlows {
    private final Random r;

    NeutronFlows(long seed) {
        this.r = new Random(seed);
    }

    private String mac() {
        return String.format("fa:16:3e:%02x:%02x:%02x", r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    private String dvrMac() {
        return String.format("fa:16:3f:%02x:%02x:%02x", r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    private String ip() {
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private int port() {
        return 1 + r.nextInt(60);
    }

    private int vlan() {
        return 1 + r.nextInt(4094);
    }

    private int vni() {
        return 1 + r.nextInt(1 << 24 - 1);
    }

    private int table() {
        return 1 + r.nextInt(90);
    }

    private String macHex(String mac) {
        return "0x" + mac.replace(":", "").replaceFirst("^0+", "");
    }

    private String ipHex(String ip) {
        String[] p = ip.split("\\.");
        long v = 0;
        for (String s : p) {
            v = v * 256 + Integer.parseInt(s);
        }
        return "0x" + Long.toHexString(v);
    }

    /** One Neutron-shaped flow line (without table and cookie). */
    String neutron() {
        int p = port();
        int l = vlan();
        String m = mac();
        return switch (r.nextInt(26)) {
            case 0 -> "priority=1,in_port=" + p + ",actions=resubmit(," + table() + ")";
            case 1 -> "priority=0,actions=drop";
            case 2 -> "priority=1,arp,dl_dst=ff:ff:ff:ff:ff:ff,actions=resubmit(,21)";
            case 3 -> "priority=0,dl_dst=00:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,20)";
            case 4 -> "priority=0,dl_dst=01:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,22)";
            case 5 -> "priority=1,tun_id=" + (r.nextBoolean() ? "0x" + Integer.toHexString(vni()) : vni())
                    + ",actions=mod_vlan_vid:" + l + ",resubmit(,10)";
            case 6 -> "priority=1,actions=learn(table=20,hard_timeout=300,priority=1,cookie=0x"
                    + Long.toHexString(r.nextLong() >>> 1) + ",NXM_OF_VLAN_TCI[0..11],NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],"
                    + "load:0->NXM_OF_VLAN_TCI[],load:NXM_NX_TUN_ID[]->NXM_NX_TUN_ID[],output:NXM_OF_IN_PORT[]),output:" + p;
            case 7 -> "priority=1,vlan_tci=0x" + String.format("%04x", l) + "/0x0fff,dl_dst=" + m
                    + ",actions=load:0->NXM_OF_VLAN_TCI[],load:0x" + Integer.toHexString(vni())
                    + "->NXM_NX_TUN_ID[],output:" + p;
            case 8 -> "priority=2,dl_vlan=" + l + ",dl_dst=" + m + ",actions=strip_vlan,load:0x"
                    + Integer.toHexString(vni()) + "->NXM_NX_TUN_ID[],output:" + p;
            case 9 -> {
                String ip = ip();
                yield "priority=1,arp,dl_vlan=" + l + ",arp_tpa=" + ip + ",actions=load:0x2->NXM_OF_ARP_OP[],"
                        + "move:NXM_NX_ARP_SHA[]->NXM_NX_ARP_THA[],move:NXM_OF_ARP_SPA[]->NXM_OF_ARP_TPA[],load:"
                        + macHex(m) + "->NXM_NX_ARP_SHA[],load:" + ipHex(ip) + "->NXM_OF_ARP_SPA[],"
                        + "move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],mod_dl_src:" + m + ",IN_PORT";
            }
            case 10 -> "priority=1,dl_vlan=" + l + ",actions=strip_vlan,set_tunnel:" + vni() + ",output:" + p
                    + ",output:" + port();
            case 11 -> "priority=3,arp,dl_vlan=" + l + ",arp_tpa=" + ip() + ",actions=drop";
            case 12 -> "priority=3,icmp6,dl_vlan=" + l + ",dl_src=" + m + ",icmp_type=134,actions=drop";
            case 13 -> "priority=1,dl_vlan=" + l + ",dl_src=" + m + ",actions=mod_dl_src:" + dvrMac() + ",resubmit(,2)";
            case 14 -> "priority=65535,dl_vlan=4095,actions=drop";
            case 15 -> "priority=3,actions=NORMAL";
            case 16 -> "priority=3,in_port=" + p + ",vlan_tci=0x0000/0x1fff,actions=mod_vlan_vid:" + l + ",resubmit(,60)";
            case 17 -> "priority=3,in_port=" + p + ",dl_vlan=" + vlan() + ",actions=mod_vlan_vid:" + l + ",NORMAL";
            case 18 -> "priority=10,icmp6,in_port=" + p + ",icmp_type=136,actions=resubmit(,24)";
            case 19 -> "priority=10,arp,in_port=" + p + ",actions=resubmit(,24)";
            case 20 -> "priority=2,icmp6,in_port=" + p + ",icmp_type=136,nd_target=fe80::f816:3eff:fe"
                    + String.format("%02x:%x", r.nextInt(256), r.nextInt(65536)) + ",actions=resubmit(,60)";
            case 21 -> "priority=2,arp,in_port=" + p + ",arp_spa=" + ip() + ",actions=resubmit(,25)";
            case 22 -> "priority=2,in_port=" + p + ",dl_src=" + m + ",actions=resubmit(,60)";
            case 23 -> "priority=4,dl_vlan=" + l + ",dl_dst=" + m + ",actions=strip_vlan,output:" + p;
            case 24 -> "priority=4,in_port=" + p + ",dl_vlan=" + l + ",actions=mod_vlan_vid:" + vlan() + ",NORMAL";
            default -> "priority=70,ct_state=+est-rel-rpl,ip,reg6=0x" + Integer.toHexString(r.nextInt(4096))
                    + ",nw_src=" + ip() + "/" + (8 + r.nextInt(25)) + ",actions=conjunction(" + (1 + r.nextInt(1000))
                    + "," + 1 + "/2)";
        };
    }

    private static final String[] SHORT = {"", "ip,", "tcp,", "udp,", "icmp,", "arp,", "ipv6,", "tcp6,"};

    /** A random combination of match fields (some without prerequisites) and actions. */
    String random() {
        List<String> items = new ArrayList<>();
        String sh = SHORT[r.nextInt(SHORT.length)];
        if (!sh.isEmpty()) {
            items.add(sh.substring(0, sh.length() - 1));
        }
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            items.add(switch (r.nextInt(22)) {
                case 0 -> "in_port=" + port();
                case 1 -> "dl_src=" + mac();
                case 2 -> "dl_dst=" + mac() + (r.nextBoolean() ? "/ff:ff:ff:00:00:00" : "");
                case 3 -> "dl_vlan=" + vlan();
                case 4 -> "dl_vlan_pcp=" + r.nextInt(8);
                case 5 -> "vlan_tci=0x" + Integer.toHexString(r.nextInt(65536)) + "/0x" + Integer.toHexString(r.nextInt(65536));
                case 6 -> "nw_src=" + ip() + "/" + r.nextInt(33);
                case 7 -> "nw_dst=" + ip();
                case 8 -> "tp_dst=" + r.nextInt(65536);
                case 9 -> "tp_src=0x" + Integer.toHexString(r.nextInt(65536)) + "/0xff00";
                case 10 -> "reg" + r.nextInt(16) + "=" + r.nextInt(1 << 20);
                case 11 -> "metadata=0x" + Long.toHexString(r.nextLong() >>> r.nextInt(64));
                case 12 -> "tun_id=" + r.nextInt(1 << 24);
                case 13 -> "ct_state=" + (r.nextBoolean() ? "+trk" : "-trk") + (r.nextBoolean() ? "+est" : "-new");
                case 14 -> "ct_zone=" + r.nextInt(65536);
                case 15 -> "ct_mark=0x" + Integer.toHexString(r.nextInt());
                case 16 -> "nw_tos=" + 4 * r.nextInt(64);
                case 17 -> "nw_ttl=" + r.nextInt(256);
                case 18 -> "arp_op=" + (1 + r.nextInt(2));
                case 19 -> "icmp_type=" + r.nextInt(256);
                case 20 -> "pkt_mark=" + r.nextInt(1000);
                default -> "tcp_flags=+syn-ack";
            });
        }
        items.add("priority=" + r.nextInt(65536));
        List<String> acts = new ArrayList<>();
        int k = r.nextInt(4);
        for (int i = 0; i < k; i++) {
            acts.add(switch (r.nextInt(14)) {
                case 0 -> "output:" + port();
                case 1 -> "NORMAL";
                case 2 -> "resubmit(," + table() + ")";
                case 3 -> "mod_vlan_vid:" + vlan();
                case 4 -> "strip_vlan";
                case 5 -> "load:0x" + Integer.toHexString(r.nextInt(1 << 16)) + "->NXM_NX_REG" + r.nextInt(16) + "[0..15]";
                case 6 -> "move:NXM_NX_REG" + r.nextInt(16) + "[]->NXM_NX_REG" + r.nextInt(16) + "[]";
                case 7 -> "set_field:0x" + Integer.toHexString(r.nextInt(1000)) + "->reg" + r.nextInt(16);
                case 8 -> "mod_dl_dst:" + mac();
                case 9 -> "set_tunnel:0x" + Integer.toHexString(vni());
                case 10 -> "note:" + String.format("%02x.%02x", r.nextInt(256), r.nextInt(256));
                case 11 -> "dec_ttl";
                case 12 -> "goto_table:253";
                default -> "ct(commit,zone=" + r.nextInt(65536) + ")";
            });
        }
        return String.join(",", items) + ",actions=" + (acts.isEmpty() ? "drop" : String.join(",", acts));
    }
}
