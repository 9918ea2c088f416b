package dev.packetwalk.ovs.classifier;

import dev.packetwalk.ovs.flow.Flow;

/**
 * OVS's lookup segments (flow.h {@code FLOW_SEGMENT_*_ENDS_AT}) over our flow words: metadata
 * (tunnel, registers, in_port, conntrack, recirc_id), L2 (Ethernet addresses, type, VLAN), L3
 * (addresses, protocol, tos, ttl, frag, ARP hardware addresses, IPv6) and L4 (transport ports).
 * A subtable checks each non-empty segment but its last through an index before the full
 * lookup; a miss there un-wildcards only the segments looked at (classifier.c find_match_wc).
 */
final class Stages {
    static final int N = 4;
    /** MASKS[s][w]: the bits of word w that belong to stage s. */
    static final long[][] MASKS = new long[N][Flow.N_WORDS];

    static {
        for (int w = 0; w < Flow.N_WORDS; w++) {
            int stage;
            if (w <= Flow.W_CONJ || w == Flow.W_TUN_META) {
                stage = 0;
            } else if (w == Flow.W_DL_DST || w == Flow.W_DL_SRC) {
                stage = 1;
            } else {
                stage = 2;
            }
            MASKS[stage][w] = -1L;
        }
        // tp_src/tp_dst (and ICMP type/code) sit in the high half of the L4 word
        MASKS[2][Flow.W_L4] = 0xffff_ffffL;
        MASKS[3][Flow.W_L4] = 0xffff_ffff_0000_0000L;
    }

    private Stages() {
    }

    /** The stages a mask touches, in order. */
    static int[] of(long[] mask) {
        int[] tmp = new int[N];
        int n = 0;
        for (int s = 0; s < N; s++) {
            for (int w = 0; w < mask.length; w++) {
                if ((mask[w] & MASKS[s][w]) != 0) {
                    tmp[n++] = s;
                    break;
                }
            }
        }
        return java.util.Arrays.copyOf(tmp, n);
    }

    /** Hash of {@code words} of {@code values} under {@code mask} restricted to stages 0..upTo. */
    static long hash(long[] values, int[] words, long[] mask, int upTo) {
        long h = 0x9e3779b97f4a7c15L;
        for (int w : words) {
            long m = 0;
            for (int s = 0; s <= upTo; s++) {
                m |= MASKS[s][w];
            }
            h = (h ^ (values[w] & mask[w] & m)) * 0xbf58476d1ce4e5b9L;
            h ^= h >>> 29;
        }
        return h;
    }
}
