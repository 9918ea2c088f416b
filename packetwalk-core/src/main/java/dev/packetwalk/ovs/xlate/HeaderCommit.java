package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;

import java.util.List;

/**
 * OVS's lazy commit of header changes: just before an output, the difference between the
 * packet as the datapath last saw it ({@code base}) and the flow becomes set/push/pop actions,
 * and {@code base} catches up. L3/L4 sets are skipped when nw_proto is 0 (a trace quirk, ovs.md §2.5).
 */
final class HeaderCommit {
    private static final int IP = 0x0800;
    private static final int ARP = 0x0806;

    private HeaderCommit() {
    }

    /**
     * Commits the flow's header changes; returns true when one of them is an action the datapath
     * cannot do, so the flow goes to the userspace slow path (OVS: a changed ARP header).
     */
    static boolean commit(Flow flow, Flow base, List<OdpAction> out, Flow wc) {
        eth(flow, base, out);
        vlan(flow, base, out, wc);
        boolean slow = false;
        if (flow.dlType() == IP && flow.nwProto() != 0) {
            ipv4(flow, base, out);
            l4(flow, base, out);
        } else if (base.dlType() == ARP && flow.nwProto() != 0) {
            slow = arp(flow, base, out);
        }
        if (flow.pktMark() != base.pktMark()) {
            out.add(new OdpAction.SetSkbMark(flow.pktMark()));
            base.setWord(Flow.W_PORT_MARK, (base.word(Flow.W_PORT_MARK) & ~0xffffffffL) | (flow.pktMark() & 0xffffffffL));
        }
        return slow;
    }

    private static final Field[] ARP_KEY = {Field.ARP_SPA, Field.ARP_TPA, Field.ARP_OP, Field.ARP_SHA, Field.ARP_THA};

    /** {@code set(arp(...))} with the fields that changed (no kernel datapath supports it). */
    private static boolean arp(Flow flow, Flow base, List<OdpAction> out) {
        int changed = 0;
        for (int i = 0; i < ARP_KEY.length; i++) {
            if (ARP_KEY[i].get(flow) != ARP_KEY[i].get(base)) {
                changed |= 1 << i;
            }
        }
        if (changed == 0) {
            return false;
        }
        out.add(new OdpAction.SetArp(changed, flow.nwSrc(), flow.nwDst(), flow.nwProto(), Field.ARP_SHA.get(flow),
                Field.ARP_THA.get(flow)));
        for (Field f : ARP_KEY) {
            f.set(base, f.get(flow));
        }
        return true;
    }

    private static void eth(Flow flow, Flow base, List<OdpAction> out) {
        long src = flow.dlSrc();
        long dst = flow.dlDst();
        boolean s = src != base.dlSrc();
        boolean d = dst != base.dlDst();
        if (s || d) {
            out.add(new OdpAction.SetEth(s ? src : -1, d ? dst : -1));
            base.setDlSrc(src);
            base.setDlDst(dst);
        }
    }

    /** Pops a tag that differs (its whole header joins the megaflow) and pushes the new one. */
    private static void vlan(Flow flow, Flow base, List<OdpAction> out, Flow wc) {
        int tci = flow.vlanTci();
        int old = base.vlanTci();
        if (tci == old) {
            return;
        }
        if ((old & Flow.VLAN_CFI) != 0) {
            out.add(new OdpAction.PopVlan());
            wc.setVlanTci(0xffff);
        }
        if ((tci & Flow.VLAN_CFI) != 0) {
            out.add(new OdpAction.PushVlan(tci & 0xfff, tci >>> 13));
        }
        base.setVlanTci(tci);
    }

    private static void ipv4(Flow flow, Flow base, List<OdpAction> out) {
        int changed = 0;
        if (flow.nwSrc() != base.nwSrc()) {
            changed |= 1;
        }
        if (flow.nwDst() != base.nwDst()) {
            changed |= 2;
        }
        int tosDiff = flow.nwTos() ^ base.nwTos();
        int tosMask = 0;
        if ((tosDiff & 0xfc) != 0) {
            tosMask |= 0xfc;
        }
        if ((tosDiff & 0x03) != 0) {
            tosMask |= 0x03;
        }
        if (tosMask != 0) {
            changed |= 4;
        }
        if (flow.nwTtl() != base.nwTtl()) {
            changed |= 8;
        }
        if (changed != 0) {
            out.add(new OdpAction.SetIpv4(changed, flow.nwSrc(), flow.nwDst(), flow.nwTos() & tosMask, tosMask,
                    flow.nwTtl()));
            base.setNwSrc(flow.nwSrc());
            base.setNwDst(flow.nwDst());
            base.setNwTos(flow.nwTos());
            base.setNwTtl(flow.nwTtl());
        }
    }

    private static void l4(Flow flow, Flow base, List<OdpAction> out) {
        int proto = flow.nwProto();
        if (proto != 6 && proto != 17) {
            return;
        }
        boolean s = flow.tpSrc() != base.tpSrc();
        boolean d = flow.tpDst() != base.tpDst();
        if (s || d) {
            out.add(new OdpAction.SetL4(proto == 6 ? "tcp" : "udp", s ? flow.tpSrc() : -1, d ? flow.tpDst() : -1));
            base.setTpSrc(flow.tpSrc());
            base.setTpDst(flow.tpDst());
        }
    }
}
