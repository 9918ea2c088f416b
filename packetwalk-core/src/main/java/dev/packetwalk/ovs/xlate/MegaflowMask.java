package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.action.Learn;
import dev.packetwalk.ovs.action.LearnSpec;
import dev.packetwalk.ovs.action.ModKind;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Subfield;

/**
 * OVS's megaflow wildcard rules outside the classifier (ofproto-dpif-xlate.c): the fields a
 * translation always examines ({@code xlate_wc_init}), the fields actions read or write, and
 * the final clean-up ({@code xlate_wc_finish}). The classifier's share comes from
 * {@code FlowTable.lookup(flow, wc)}.
 */
final class MegaflowMask {
    private static final int IP = 0x0800;
    private static final int IPV6 = 0x86dd;
    private static final int ARP = 0x0806;
    /** Tunnel flags a tunnel packet's megaflow matches: df, csum, key. */
    static final int TUN_FLAGS_MASK = Flow.TUN_FLAG_DF | Flow.TUN_FLAG_CSUM | Flow.TUN_FLAG_KEY;

    private MegaflowMask() {
    }

    static boolean isIp(Flow f) {
        return f.dlType() == IP || f.dlType() == IPV6;
    }

    /** xlate_wc_init and tnl_wc_init. */
    static void init(Flow wc, Flow packet) {
        Field.IN_PORT.set(wc, 0xffff);
        Field.ETH_TYPE.set(wc, 0xffff);
        Field.RECIRC_ID.set(wc, 0xffffffffL);
        if (isIp(packet)) {
            Field.NW_FRAG.set(wc, 3);
        }
        if (packet.tunDst() != 0) {
            Field.TUN_ID.set(wc, -1L);
            Field.TUN_SRC.set(wc, 0xffffffffL);
            Field.TUN_DST.set(wc, 0xffffffffL);
            Field.TUN_FLAGS.set(wc, TUN_FLAGS_MASK);
            Field.TUN_TOS.set(wc, 0xff);
            if (isIp(packet) && (packet.tunTos() & 3) == 3) {
                Field.NW_ECN.set(wc, 3);
            }
        }
    }

    /** The bits an action reads or writes (do_xlate_actions), before it runs. */
    static void action(Flow wc, Flow flow, Action a) {
        if (a instanceof Action.Load l && isCtMetadata(l.dst().field())
                || a instanceof Action.SetField f && isCtMetadata(f.field())) {
            return; // ct(exec(...)) writes go into the ct action, not the flow
        }
        if (a instanceof Action.Load l) {
            l3Prereqs(wc, flow, l.dst().field());
            unmask(wc, l.dst());
        } else if (a instanceof Action.Move m) {
            unmask(wc, m.src());
            unmask(wc, m.dst());
        } else if (a instanceof Action.SetField sf) {
            l3Prereqs(wc, flow, sf.field());
            sf.field().set(wc, sf.field().get(wc) | sf.mask());
        } else if (a instanceof Action.ModField mf) {
            modField(wc, flow, mf.kind());
        } else if (a instanceof Action.SetVlanVid) {
            wc.setVlanTci(wc.vlanTci() | 0x1fff);
        } else if (a instanceof Action.SetVlanPcp) {
            wc.setVlanTci(wc.vlanTci() | 0xf000);
        } else if (a instanceof Action.DecTtl) {
            Field.NW_TTL.set(wc, 0xff);
            Field.NW_PROTO.set(wc, 0xff);
        } else if (a instanceof Learn l) {
            for (LearnSpec s : l.specs()) {
                if (s.src() != null && !s.isImmediate()) {
                    unmask(wc, s.src());
                }
            }
        }
    }

    private static void modField(Flow wc, Flow flow, ModKind k) {
        switch (k) {
            case DL_SRC, DL_DST -> k.field().set(wc, -1L);
            case TP_SRC, TP_DST -> {
                if (isIp(flow)) {
                    Field.NW_PROTO.set(wc, 0xff);
                    k.field().set(wc, 0xffff);
                }
            }
            default -> {
                if (isIp(flow)) {
                    Field.NW_PROTO.set(wc, 0xff);
                    if (k == ModKind.NW_TOS) {
                        Field.NW_TOS.set(wc, Field.NW_TOS.get(wc) | 0xfc);
                    } else if (k == ModKind.NW_ECN) {
                        Field.NW_TOS.set(wc, Field.NW_TOS.get(wc) | 0x03);
                    } else {
                        k.field().set(wc, -1L);
                    }
                }
            }
        }
    }

    private static boolean isCtMetadata(Field f) {
        return f == Field.CT_MARK || f.name().startsWith("CT_LABEL");
    }

    /** mf_set_mask_l3_prereqs. */
    private static void l3Prereqs(Flow wc, Flow flow, Field f) {
        boolean l3 = switch (f) {
            case IP_SRC, IP_DST, IPV6_SRC, IPV6_DST, IPV6_LABEL, IP_DSCP, NW_ECN, NW_TTL -> isIp(flow);
            case ARP_OP, ARP_SHA, ARP_THA, ARP_SPA, ARP_TPA -> flow.dlType() == ARP;
            default -> false;
        };
        if (l3) {
            Field.NW_PROTO.set(wc, 0xff);
        }
    }

    static void unmask(Flow wc, Subfield sf) {
        long ones = sf.nBits() >= 64 ? -1L : (1L << sf.nBits()) - 1;
        sf.field().setBits(wc, sf.offset(), Math.min(sf.nBits(), 64), sf.field().getBits(wc, sf.offset(),
                Math.min(sf.nBits(), 64)) | ones);
    }

    /** xlate_wc_finish: only packet header bits the original packet has. */
    static void finish(Flow wc, Flow packet) {
        Field.METADATA.set(wc, 0);
        for (int r = 0; r < 16; r++) {
            wc.setReg(r, 0);
        }
        Field.ACTSET_OUTPUT.set(wc, 0);
        Field.CONJ_ID.set(wc, 0);
        int proto = packet.nwProto();
        if ((packet.dlType() == IP && proto == 1) || (packet.dlType() == IPV6 && proto == 58)) {
            Field.TCP_SRC.set(wc, Field.TCP_SRC.get(wc) & 0xff);
            Field.TCP_DST.set(wc, Field.TCP_DST.get(wc) & 0xff);
        }
        if (wc.vlanTci() != 0) {
            wc.setVlanTci(wc.vlanTci() | Flow.VLAN_CFI);
        }
        if (isIp(packet) && (packet.word(Flow.W_L4) & Flow.FRAG_LATER) != 0) {
            Field.TCP_SRC.set(wc, 0);
            Field.TCP_DST.set(wc, 0);
        }
        if (!packet.hasVlan()) {
            wc.setVlanTci(0);
        }
        if (packet.tunDst() == 0) {
            wc.setWord(Flow.W_TUN_ID, 0);
            wc.setWord(Flow.W_TUN_IPS, 0);
            Field.TUN_FLAGS.set(wc, 0);
            Field.TUN_TOS.set(wc, 0);
            Field.TUN_TTL.set(wc, 0);
        }
    }
}
