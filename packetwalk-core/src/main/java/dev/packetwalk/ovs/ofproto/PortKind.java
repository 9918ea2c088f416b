package dev.packetwalk.ovs.ofproto;

/** What an OpenFlow port is attached to, from its Interface type. */
public enum PortKind {
    /** A netdev of the host (type "" or system, tap, dummy): veths, NICs, tap devices. */
    SYSTEM,
    /** An internal port: a net device the host's kernel sees (the bridge's LOCAL port, qr-, qg-). */
    INTERNAL,
    /** A patch port: output continues in the peer bridge. */
    PATCH,
    /** A tunnel port (vxlan, gre, geneve): output encapsulates toward the underlay. */
    TUNNEL;

    public static PortKind ofType(String type) {
        return switch (type) {
            case "internal" -> INTERNAL;
            case "patch" -> PATCH;
            case "vxlan", "gre", "geneve", "stt", "lisp", "erspan", "ip6gre", "ip6erspan", "gtpu", "bareudp" -> TUNNEL;
            default -> SYSTEM;
        };
    }
}
