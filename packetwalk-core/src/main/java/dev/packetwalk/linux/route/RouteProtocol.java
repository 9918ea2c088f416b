package dev.packetwalk.linux.route;

/** Route protocols (RTPROT_*) by number, with iproute2's names from rt_protos. */
public final class RouteProtocol {
    public static final int UNSPEC = 0;
    public static final int REDIRECT = 1;
    public static final int KERNEL = 2;
    public static final int BOOT = 3;
    public static final int STATIC = 4;

    private static final String[] NAMES = new String[256];

    static {
        NAMES[0] = "unspec";
        NAMES[1] = "redirect";
        NAMES[2] = "kernel";
        NAMES[3] = "boot";
        NAMES[4] = "static";
        NAMES[8] = "gated";
        NAMES[9] = "ra";
        NAMES[10] = "mrt";
        NAMES[11] = "zebra";
        NAMES[12] = "bird";
        NAMES[13] = "dnrouted";
        NAMES[14] = "xorp";
        NAMES[15] = "ntk";
        NAMES[16] = "dhcp";
        NAMES[18] = "keepalived";
        NAMES[42] = "babel";
        NAMES[99] = "openr";
        NAMES[186] = "bgp";
        NAMES[187] = "isis";
        NAMES[188] = "ospf";
        NAMES[189] = "rip";
        NAMES[192] = "eigrp";
    }

    private RouteProtocol() {
    }

    public static String name(int proto) {
        String n = proto >= 0 && proto < 256 ? NAMES[proto] : null;
        return n != null ? n : Integer.toString(proto);
    }

    /** Parses a protocol name or number 0..255; returns -1 when it is neither. */
    public static int parse(String text) {
        for (int i = 0; i < NAMES.length; i++) {
            if (text.equals(NAMES[i])) {
                return i;
            }
        }
        return Numbers.parseUnsigned(text, 255);
    }
}
