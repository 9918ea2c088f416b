package dev.packetwalk.bench;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.ovs.flow.Protocol;
import dev.packetwalk.ovs.flowmod.FlowMod;
import dev.packetwalk.ovs.flowmod.FlowModText;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * A Neutron compute node (Pike, DVR on, l2pop and ARP responder on; neutron.md §4, §5): br-int
 * with VM ports spread over a few local VLANs and their ARP/MAC anti-spoofing flows in tables
 * 0/24/25 (allowed traffic goes to table 60 NORMAL); br-tun with tables 0/1/2/3/4/6/9/10/20/21/22,
 * l2pop unicast flows in 20, ARP responder entries in 21 and flood flows in 22; vxlan ports to
 * the other hosts.
 */
final class NeutronComputeNode {
    static final String LOCAL_IP = "10.0.0.11";
    final Host host;
    final int vms;
    final int vlans;
    final int peers;
    final int remotePerVlan;

    NeutronComputeNode(int vms, int vlans, int peers, int remotePerVlan) {
        this.vms = vms;
        this.vlans = vlans;
        this.peers = peers;
        this.remotePerVlan = remotePerVlan;
        this.host = Hosts.bare("compute1");
        StringBuilder topo = new StringBuilder();
        topo.append("ovs-vsctl add-br br-int -- set bridge br-int fail-mode=secure\n");
        topo.append("ovs-vsctl add-br br-tun -- set bridge br-tun fail-mode=secure\n");
        topo.append("ovs-vsctl add-port br-int patch-tun -- set interface patch-tun type=patch options:peer=patch-int"
                + " ofport_request=1\n");
        topo.append("ovs-vsctl add-port br-tun patch-int -- set interface patch-int type=patch options:peer=patch-tun"
                + " ofport_request=1\n");
        for (int v = 0; v < vms; v++) {
            topo.append("ovs-vsctl add-port br-int qvo").append(v).append(" tag=").append(vlanOf(v))
                    .append(" -- set interface qvo").append(v).append(" type=internal ofport_request=").append(vmPort(v))
                    .append('\n');
        }
        for (int p = 0; p < peers; p++) {
            topo.append("ovs-vsctl add-port br-tun vxlan-0a0000").append(Integer.toHexString(31 + p))
                    .append(" -- set interface vxlan-0a0000").append(Integer.toHexString(31 + p))
                    .append(" type=vxlan ofport_request=").append(2 + p).append(" options:remote_ip=10.0.0.")
                    .append(31 + p).append(" options:local_ip=").append(LOCAL_IP)
                    .append(" options:in_key=flow options:out_key=flow\n");
        }
        StringBuilder err = new StringBuilder();
        new Shell(host).runScript(topo.toString(), new StringBuilder(), err);
        if (err.length() > 0) {
            throw new IllegalStateException(err.toString());
        }
        add("br-int", brInt());
        add("br-tun", brTun());
    }

    int vlanOf(int vm) {
        return 1 + vm % vlans;
    }

    static int vmPort(int vm) {
        return 10 + vm;
    }

    static String vmMac(int vm) {
        return String.format("fa:16:3e:00:%02x:%02x", vm >> 8, vm & 0xff);
    }

    static String vmIp(int vlan, int vm) {
        return "10.1." + vlan + "." + (10 + vm);
    }

    static String remoteMac(int vlan, int r) {
        return String.format("fa:16:3e:a0:%02x:%02x", vlan, r);
    }

    static String remoteIp(int vlan, int r) {
        return "10.1." + vlan + "." + (200 + r);
    }

    static String vni(int vlan) {
        return "0x" + Integer.toHexString(100 + vlan);
    }

    int peerOf(int vlan, int r) {
        return 2 + (vlan + r) % peers;
    }

    private List<String> brInt() {
        List<String> f = new ArrayList<>();
        f.add("priority=65535,dl_vlan=4095,actions=drop");
        f.add("priority=0,actions=resubmit(,60)");
        f.add("table=23,priority=0,actions=drop");
        f.add("table=24,priority=0,actions=drop");
        f.add("table=60,priority=3,actions=NORMAL");
        for (int v = 0; v < vms; v++) {
            int p = vmPort(v);
            f.add("priority=10,icmp6,in_port=" + p + ",icmp_type=136,actions=resubmit(,24)");
            f.add("priority=10,arp,in_port=" + p + ",actions=resubmit(,24)");
            f.add("priority=9,in_port=" + p + ",actions=resubmit(,25)");
            f.add("table=24,priority=2,arp,in_port=" + p + ",arp_spa=" + vmIp(vlanOf(v), v) + ",actions=resubmit(,25)");
            f.add("table=25,priority=2,in_port=" + p + ",dl_src=" + vmMac(v) + ",actions=resubmit(,60)");
        }
        return f;
    }

    private List<String> brTun() {
        List<String> f = new ArrayList<>();
        f.add("priority=1,in_port=1,actions=resubmit(,1)");
        f.add("priority=0,actions=drop");
        f.add("table=1,priority=0,actions=resubmit(,2)");
        f.add("table=2,priority=1,arp,dl_dst=ff:ff:ff:ff:ff:ff,actions=resubmit(,21)");
        f.add("table=2,priority=0,dl_dst=00:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,20)");
        f.add("table=2,priority=0,dl_dst=01:00:00:00:00:00/01:00:00:00:00:00,actions=resubmit(,22)");
        f.add("table=3,priority=0,actions=drop");
        f.add("table=4,priority=0,actions=drop");
        f.add("table=6,priority=0,actions=drop");
        f.add("table=9,priority=0,actions=resubmit(,10)");
        f.add("table=10,priority=1,actions=learn(table=20,hard_timeout=300,priority=1,cookie=0x9e,"
                + "NXM_OF_VLAN_TCI[0..11],NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],load:0->NXM_OF_VLAN_TCI[],"
                + "load:NXM_NX_TUN_ID[]->NXM_NX_TUN_ID[],output:NXM_OF_IN_PORT[]),output:1");
        f.add("table=20,priority=0,actions=resubmit(,22)");
        f.add("table=21,priority=0,actions=resubmit(,22)");
        f.add("table=22,priority=0,actions=drop");
        StringBuilder flood = new StringBuilder();
        for (int p = 0; p < peers; p++) {
            f.add("priority=1,in_port=" + (2 + p) + ",actions=resubmit(,4)");
            f.add("table=9,priority=1,dl_src=fa:16:3f:00:00:" + String.format("%02x", p) + ",actions=output:1");
            flood.append(",output:").append(2 + p);
        }
        for (int l = 1; l <= vlans; l++) {
            f.add("table=4,priority=1,tun_id=" + vni(l) + ",actions=mod_vlan_vid:" + l + ",resubmit(,9)");
            f.add("table=22,priority=1,dl_vlan=" + l + ",actions=strip_vlan,load:" + vni(l) + "->NXM_NX_TUN_ID[]"
                    + flood);
            for (int r = 0; r < remotePerVlan; r++) {
                f.add("table=20,priority=2,dl_vlan=" + l + ",dl_dst=" + remoteMac(l, r) + ",actions=strip_vlan,load:"
                        + vni(l) + "->NXM_NX_TUN_ID[],output:" + peerOf(l, r));
                long mac = Long.parseLong(remoteMac(l, r).replace(":", ""), 16);
                f.add("table=21,priority=1,arp,dl_vlan=" + l + ",arp_tpa=" + remoteIp(l, r)
                        + ",actions=load:0x2->NXM_OF_ARP_OP[],move:NXM_NX_ARP_SHA[]->NXM_NX_ARP_THA[],"
                        + "move:NXM_OF_ARP_SPA[]->NXM_OF_ARP_TPA[],load:0x" + Long.toHexString(mac)
                        + "->NXM_NX_ARP_SHA[],load:0x" + Integer.toHexString(0x0a010000 + (l << 8) + 200 + r)
                        + "->NXM_OF_ARP_SPA[],move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],mod_dl_src:" + remoteMac(l, r)
                        + ",IN_PORT");
            }
        }
        return f;
    }

    private void add(String bridge, List<String> flows) {
        Bridge b = host.vswitch().bridge(bridge).orElseThrow();
        for (String text : flows) {
            FlowMod mod = FlowModText.parse(text, Protocol.OPENFLOW10, b, new ArrayList<>());
            b.table(mod.table()).insert(new Rule(mod, host.clock().nanos()));
        }
    }

    Bridge bridge(String name) {
        return host.vswitch().bridge(name).orElseThrow();
    }
}
