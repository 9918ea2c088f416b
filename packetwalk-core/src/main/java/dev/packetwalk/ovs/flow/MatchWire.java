package dev.packetwalk.ovs.flow;

/**
 * A match as it reads after crossing the wire in one protocol. NXM (OpenFlow 1.0 with the
 * Nicira extensions) carries every match exactly. OXM (OpenFlow 1.3) has no 802.1Q TCI field:
 * OVS sends {@code vlan_vid} with the VID and present bits and adds an exact {@code vlan_pcp}
 * only when that VID value is non-zero and some PCP bit is matched ({@code nxm_put_match}), so
 * {@code vlan_tci=0x0000} comes back as {@code vlan_tci=0x0000/0x1fff}.
 */
public final class MatchWire {
    private static final int VID_CFI = 0x1fff;
    private static final int PCP = 0xe000;

    private MatchWire() {
    }

    /**
     * False when the receiver cannot decode the match sent in protocol: OXM carries a VLAN
     * priority only with a VLAN known to be present, so a TCI mask that matches VID or PCP bits
     * but not the present bit as 1 makes the priority's prerequisite fail
     * ({@code OFPBMC_BAD_PREREQ}).
     */
    public static boolean decodes(Match m, Protocol protocol) {
        if (protocol == Protocol.OPENFLOW10) {
            return true;
        }
        int tci = (int) m.value(Field.VLAN_TCI.word(), Field.VLAN_TCI.shift(), 16);
        int tciMask = (int) m.mask(Field.VLAN_TCI.word(), Field.VLAN_TCI.shift(), 16);
        int vid = tci & tciMask & VID_CFI;
        return vid == 0 || (tciMask & PCP) == 0 || (vid & Flow.VLAN_CFI) != 0;
    }

    public static Match received(Match m, Protocol protocol) {
        if (protocol == Protocol.OPENFLOW10) {
            return m;
        }
        int word = Field.VLAN_TCI.word();
        int shift = Field.VLAN_TCI.shift();
        int tci = (int) m.value(word, shift, 16);
        int tciMask = (int) m.mask(word, shift, 16);
        int newMask = tciMask & VID_CFI;
        int newTci = tci & newMask;
        if (newTci != 0 && (tciMask & PCP) != 0) {
            newMask |= PCP | Flow.VLAN_CFI;
            newTci |= (tci & PCP) | Flow.VLAN_CFI;
        }
        if (newMask == tciMask && newTci == tci) {
            return m;
        }
        long[] v = m.valueWords();
        long[] k = m.maskWords();
        long clear = ~(0xffffL << shift);
        v[word] = (v[word] & clear) | ((long) newTci << shift);
        k[word] = (k[word] & clear) | ((long) newMask << shift);
        return Match.of(v, k);
    }
}
