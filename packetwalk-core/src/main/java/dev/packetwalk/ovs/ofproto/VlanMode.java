package dev.packetwalk.ovs.ofproto;

/** A port's VLAN mode as NORMAL applies it (OVSDB Port.vlan_mode, defaulted from tag/trunks). */
public enum VlanMode {
    ACCESS, TRUNK, NATIVE_TAGGED, NATIVE_UNTAGGED, DOT1Q_TUNNEL;

    /** The effective mode: an explicit vlan_mode wins; otherwise a tag makes an access port. */
    public static VlanMode of(String configured, Integer tag) {
        if (configured != null && !configured.isEmpty()) {
            return switch (configured) {
                case "access" -> ACCESS;
                case "native-tagged" -> NATIVE_TAGGED;
                case "native-untagged" -> NATIVE_UNTAGGED;
                case "dot1q-tunnel" -> DOT1Q_TUNNEL;
                default -> TRUNK;
            };
        }
        return tag != null ? ACCESS : TRUNK;
    }
}
