package dev.packetwalk.ovs.flow;

/** OVS's {@code ofputil_normalize_match}: clears fields whose prerequisites the match lacks. */
final class Normalizer {
    private static final int TP = 1;
    private static final int PROTO = 2;
    private static final int IPVX = 4;
    private static final int NW_ADDR = 8;
    private static final int ARP_SHA = 16;
    private static final int ARP_THA = 32;
    private static final int IPV6 = 64;
    private static final int ND_TARGET = 128;

    private Normalizer() {
    }

    static void normalize(Flow value, Flow mask) {
        int may = mayMatch(value, mask);
        if ((may & TP) == 0) {
            clear(value, mask, Field.TCP_SRC);
            clear(value, mask, Field.TCP_DST);
            clear(value, mask, Field.TCP_FLAGS);
        }
        if ((may & TP) == 0 || value.nwProto() != 6 || mask.nwProto() != 0xff) {
            clear(value, mask, Field.TCP_FLAGS);
        }
        if ((may & PROTO) == 0) {
            clear(value, mask, Field.NW_PROTO);
        }
        if ((may & IPVX) == 0) {
            mask.set(Flow.W_L4, 16, 8, 0);
            mask.set(Flow.W_L4, 8, 8, 0);
            mask.set(Flow.W_L4, 0, 8, 0);
        }
        if ((may & NW_ADDR) == 0) {
            clear(value, mask, Field.IP_SRC);
            clear(value, mask, Field.IP_DST);
        }
        if ((may & ARP_SHA) == 0) {
            clear(value, mask, Field.ARP_SHA);
        }
        if ((may & ARP_THA) == 0) {
            clear(value, mask, Field.ARP_THA);
        }
        if ((may & IPV6) == 0) {
            clearWide(mask, Flow.W_IPV6_SRC);
            clearWide(mask, Flow.W_IPV6_DST);
            clear(value, mask, Field.IPV6_LABEL);
        }
        if ((may & ND_TARGET) == 0) {
            clearWide(mask, Flow.W_ND_TARGET);
        }
        for (int i = 0; i < Flow.N_WORDS; i++) {
            value.w[i] &= mask.w[i];
        }
    }

    private static int mayMatch(Flow v, Flow m) {
        int type = m.dlType() == 0xffff ? v.dlType() : 0;
        int proto = m.nwProto() == 0xff ? v.nwProto() : -1;
        return switch (type) {
            case Prereq.ETH_IP -> PROTO | IPVX | NW_ADDR
                    | (proto == 6 || proto == 17 || proto == 132 || proto == 1 ? TP : 0);
            case Prereq.ETH_IPV6 -> {
                int may = PROTO | IPVX | IPV6 | (proto == 6 || proto == 17 || proto == 132 || proto == 58 ? TP : 0);
                if (proto == 58 && (m.tpSrc() & 0xff) == 0xff) {
                    int t = v.tpSrc() & 0xff;
                    may |= t == 135 ? ND_TARGET | ARP_SHA : t == 136 ? ND_TARGET | ARP_THA : 0;
                }
                yield may;
            }
            case Prereq.ETH_ARP, Prereq.ETH_RARP -> PROTO | NW_ADDR | ARP_SHA | ARP_THA;
            default -> 0;
        };
    }

    private static void clear(Flow value, Flow mask, Field f) {
        f.set(mask, 0);
        f.set(value, 0);
    }

    private static void clearWide(Flow mask, int word) {
        mask.w[word] = 0;
        mask.w[word + 1] = 0;
    }
}
