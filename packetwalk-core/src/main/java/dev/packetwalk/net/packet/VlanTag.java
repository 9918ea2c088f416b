package dev.packetwalk.net.packet;

/** One 802.1Q tag: priority (PCP), drop-eligible bit (DEI) and VLAN id. */
public record VlanTag(int pcp, boolean dei, int vid) {
    public static final int TPID = 0x8100;

    public VlanTag {
        if (pcp < 0 || pcp > 7) {
            throw new IllegalArgumentException("VLAN priority must be 0..7, not " + pcp);
        }
        if (vid < 0 || vid > 4095) {
            throw new IllegalArgumentException("VLAN id must be 0..4095, not " + vid);
        }
    }

    public static VlanTag of(int vid) {
        return new VlanTag(0, false, vid);
    }

    /** The tag from its 16-bit TCI. */
    public static VlanTag ofTci(int tci) {
        return new VlanTag((tci >>> 13) & 7, (tci & 0x1000) != 0, tci & 0xfff);
    }

    /** The 16-bit tag control information as on the wire. */
    public int tci() {
        return (pcp << 13) | (dei ? 0x1000 : 0) | vid;
    }
}
