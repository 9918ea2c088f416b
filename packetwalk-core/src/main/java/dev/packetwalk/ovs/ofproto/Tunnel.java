package dev.packetwalk.ovs.ofproto;

import dev.packetwalk.net.Ipv4;

import java.util.Map;

/**
 * A tunnel port's options (ovs.md §3.5): remote and local IP (or {@code flow}), the keys in
 * each direction (fixed or {@code flow}), and the UDP destination port.
 *
 * @param remoteIp the remote address, or 0 with {@code remoteFromFlow}
 * @param inKey the fixed key accepted on receive, ignored when {@code inKeyFromFlow}
 * @param outKey the fixed key sent, ignored when {@code outKeyFromFlow}
 */
public record Tunnel(String type, int remoteIp, boolean remoteFromFlow, int localIp, long inKey,
                     boolean inKeyFromFlow, long outKey, boolean outKeyFromFlow, int dstPort) {

    public static Tunnel of(String type, Map<String, String> options) {
        String remote = options.getOrDefault("remote_ip", "");
        boolean remoteFlow = remote.equals("flow");
        int remoteIp = remoteFlow || remote.isEmpty() ? 0 : (int) Math.max(0, Ipv4.parseOrMinusOne(remote));
        String local = options.getOrDefault("local_ip", "");
        int localIp = local.isEmpty() || local.equals("flow") ? 0 : (int) Math.max(0, Ipv4.parseOrMinusOne(local));
        String key = options.getOrDefault("key", "0");
        String in = options.getOrDefault("in_key", key);
        String out = options.getOrDefault("out_key", key);
        int defaultPort = switch (type) {
            case "vxlan" -> 4789;
            case "geneve" -> 6081;
            case "stt" -> 7471;
            default -> 0;
        };
        int dstPort = parseInt(options.get("dst_port"), defaultPort);
        return new Tunnel(type, remoteIp, remoteFlow, localIp, parseKey(in), in.equals("flow"), parseKey(out),
                out.equals("flow"), dstPort);
    }

    private static long parseKey(String text) {
        if (text.equals("flow")) {
            return 0;
        }
        try {
            return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int parseInt(String text, int dflt) {
        if (text == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
