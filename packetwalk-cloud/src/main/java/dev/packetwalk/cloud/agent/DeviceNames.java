package dev.packetwalk.cloud.agent;


/**
 * Neutron's and Nova's names for what they create (neutron.md §1.2–1.4): a prefix plus the
 * object's id cut to Linux's 14-character limit, namespaces with the full id, tunnel ports
 * named after the remote IP in hex.
 */
public final class DeviceNames {
    /** LINUX_DEV_LEN: IFNAMSIZ less the NUL and one more for safety. */
    private static final int DEV_LEN = 14;

    private DeviceNames() {
    }

    /** {@code prefix} + as much of {@code id} as fits in 14 characters ({@code tapf7eae624-34}). */
    public static String device(String prefix, String id) {
        String name = prefix + id;
        return name.length() > DEV_LEN ? name.substring(0, DEV_LEN) : name;
    }

    public static String tap(String portId) {
        return device("tap", portId);
    }

    public static String qbr(String portId) {
        return device("qbr", portId);
    }

    public static String qvb(String portId) {
        return device("qvb", portId);
    }

    public static String qvo(String portId) {
        return device("qvo", portId);
    }

    public static String qr(String portId) {
        return device("qr-", portId);
    }

    public static String qg(String portId) {
        return device("qg-", portId);
    }

    public static String sg(String portId) {
        return device("sg-", portId);
    }

    public static String fg(String portId) {
        return device("fg-", portId);
    }

    /** The qrouter end of the router's link to the fip namespace ({@code rfp-} + router id). */
    public static String rfp(String routerId) {
        return device("rfp-", routerId);
    }

    /** The fip-namespace end of that link ({@code fpr-} + router id). */
    public static String fpr(String routerId) {
        return device("fpr-", routerId);
    }

    public static String qrouter(String routerId) {
        return "qrouter-" + routerId;
    }

    public static String snat(String routerId) {
        return "snat-" + routerId;
    }

    public static String fip(String externalNetworkId) {
        return "fip-" + externalNetworkId;
    }

    public static String qdhcp(String networkId) {
        return "qdhcp-" + networkId;
    }

    /** A tunnel port on br-tun: {@code vxlan-c0a8010c} for remote 192.168.1.12. */
    public static String tunnelPort(String type, int remoteIp) {
        String hex = Integer.toHexString(remoteIp);
        return type + "-" + "0".repeat(8 - hex.length()) + hex;
    }

    /** The patch port on br-int towards a physical bridge ({@code int-br-ex}). */
    public static String intPatch(String bridge) {
        return patch("int-", bridge);
    }

    /** The patch port on a physical bridge towards br-int ({@code phy-br-ex}). */
    public static String phyPatch(String bridge) {
        return patch("phy-", bridge);
    }

    private static String patch(String prefix, String bridge) {
        String name = prefix + bridge;
        if (name.length() <= 15) {
            return name;
        }
        String hash = sha1Hex(bridge).substring(0, 6);
        return prefix + bridge.substring(0, 15 - prefix.length() - hash.length()) + hash;
    }

    private static String sha1Hex(String text) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : h) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
