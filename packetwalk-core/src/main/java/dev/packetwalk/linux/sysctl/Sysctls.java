package dev.packetwalk.linux.sysctl;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.NetlinkException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The networking sysctls of one namespace (/proc/sys/net/...), keyed in dotted form. Per
 * device IPv4 settings live under net.ipv4.conf.DEV and start as copies of "default"; the
 * forwarding switches are tied together as the kernel ties them (ip_forward sets
 * all.forwarding and every device's, and all.forwarding sets ip_forward).
 */
public final class Sysctls {
    /** The per-device IPv4 settings and their defaults in a new namespace. */
    private static final Map<String, String> CONF_DEFAULTS = new LinkedHashMap<>();
    private static final Map<String, String> IPV6_CONF_DEFAULTS = new LinkedHashMap<>();
    private static final Map<String, String> GLOBAL_DEFAULTS = new LinkedHashMap<>();
    /** Column of each per-device IPv4 setting in a cached row. */
    private static final Map<String, Integer> CONF_COLUMN = new java.util.HashMap<>();

    static {
        for (String k : List.of("accept_local", "arp_announce", "arp_filter", "arp_ignore",
                "forwarding", "proxy_arp", "route_localnet", "rp_filter", "ignore_routes_with_linkdown",
                "bc_forwarding")) {
            CONF_DEFAULTS.put(k, "0");
        }
        CONF_DEFAULTS.put("send_redirects", "1");
        CONF_DEFAULTS.put("accept_redirects", "1");
        CONF_DEFAULTS.put("secure_redirects", "1");
        CONF_DEFAULTS.put("arp_accept", "0");
        IPV6_CONF_DEFAULTS.put("accept_dad", "1");
        IPV6_CONF_DEFAULTS.put("accept_ra", "1");
        IPV6_CONF_DEFAULTS.put("disable_ipv6", "0");
        IPV6_CONF_DEFAULTS.put("forwarding", "0");
        GLOBAL_DEFAULTS.put("net.ipv4.ip_forward", "0");
        GLOBAL_DEFAULTS.put("net.ipv4.ip_nonlocal_bind", "0");
        GLOBAL_DEFAULTS.put("net.ipv4.tcp_syncookies", "1");
        GLOBAL_DEFAULTS.put("net.ipv4.conf.all.promote_secondaries", "0");
        GLOBAL_DEFAULTS.put("net.bridge.bridge-nf-call-iptables", "1");
        GLOBAL_DEFAULTS.put("net.bridge.bridge-nf-call-ip6tables", "1");
        GLOBAL_DEFAULTS.put("net.bridge.bridge-nf-call-arptables", "1");
        GLOBAL_DEFAULTS.put("net.netfilter.nf_conntrack_tcp_loose", "1");
        GLOBAL_DEFAULTS.put("net.ipv6.conf.all.forwarding", "0");
        for (String k : CONF_DEFAULTS.keySet()) {
            CONF_COLUMN.put(k, CONF_COLUMN.size());
        }
    }

    private final TreeMap<String, String> values = new TreeMap<>();
    /** Per device, its IPv4 settings as integers (the packet path reads them per packet). */
    private final Map<String, int[]> confCache = new java.util.HashMap<>();

    public Sysctls() {
        values.putAll(GLOBAL_DEFAULTS);
        for (String dev : List.of("all", "default")) {
            CONF_DEFAULTS.forEach((k, v) -> values.put("net.ipv4.conf." + dev + "." + k, v));
            IPV6_CONF_DEFAULTS.forEach((k, v) -> values.put("net.ipv6.conf." + dev + "." + k, v));
        }
    }

    /** The value of {@code key} (dotted or slashed form), or null when it does not exist. */
    public String get(String key) {
        return values.get(normalize(key));
    }

    /** Sets an integer sysctl; EINVAL when the value is not an integer, ENOENT when unknown. */
    public void set(String key, String value) {
        String k = normalize(key);
        if (!values.containsKey(k)) {
            throw new NetlinkException(Errno.ENOENT);
        }
        String v = value.trim();
        if (!v.matches("-?[0-9]+")) {
            throw new NetlinkException(Errno.EINVAL);
        }
        v = Long.toString(Long.parseLong(v));
        confCache.clear();
        values.put(k, v);
        if (k.equals("net.ipv4.ip_forward") || k.equals("net.ipv4.conf.all.forwarding")) {
            values.put("net.ipv4.ip_forward", v);
            for (String name : values.keySet().toArray(new String[0])) {
                if (name.startsWith("net.ipv4.conf.") && name.endsWith(".forwarding")
                        && !name.equals("net.ipv4.conf.default.forwarding")) {
                    values.put(name, v);
                }
            }
        }
    }

    /** Adds the per-device keys for a new device, copied from "default". */
    public void addDevice(String dev) {
        confCache.clear();
        for (String k : CONF_DEFAULTS.keySet()) {
            values.put("net.ipv4.conf." + dev + "." + k, values.get("net.ipv4.conf.default." + k));
        }
        for (String k : IPV6_CONF_DEFAULTS.keySet()) {
            values.put("net.ipv6.conf." + dev + "." + k, values.get("net.ipv6.conf.default." + k));
        }
    }

    public void removeDevice(String dev) {
        confCache.clear();
        for (String family : List.of("net.ipv4.conf.", "net.ipv6.conf.")) {
            String prefix = family + dev + ".";
            // the keys starting with prefix: from prefix up to (not including) prefix with its last '.' raised to '/'
            values.subMap(prefix, family + dev + "/").clear();
        }
    }

    public void renameDevice(String from, String to) {
        confCache.clear();
        Map<String, String> moved = new TreeMap<>();
        values.entrySet().removeIf(e -> {
            for (String fam : List.of("net.ipv4.conf.", "net.ipv6.conf.")) {
                if (e.getKey().startsWith(fam + from + ".")) {
                    moved.put(fam + to + e.getKey().substring((fam + from).length()), e.getValue());
                    return true;
                }
            }
            return false;
        });
        values.putAll(moved);
    }

    /** An integer per-device IPv4 setting ("net.ipv4.conf.DEV.name"), 0 when absent. */
    public int conf(String dev, String name) {
        Integer column = CONF_COLUMN.get(name);
        if (column == null) {
            return confText(dev, name);
        }
        int[] row = confCache.get(dev);
        if (row == null) {
            row = new int[CONF_COLUMN.size()];
            for (Map.Entry<String, Integer> e : CONF_COLUMN.entrySet()) {
                row[e.getValue()] = confText(dev, e.getKey());
            }
            confCache.put(dev, row);
        }
        return row[column];
    }

    private int confText(String dev, String name) {
        String v = values.get("net.ipv4.conf." + dev + "." + name);
        return v == null ? 0 : Integer.parseInt(v);
    }

    /** The kernel's IN_DEV_ORCONF: set on the device or on "all". */
    public boolean confOr(String dev, String name) {
        return conf(dev, name) != 0 || conf("all", name) != 0;
    }

    /** The kernel's IN_DEV_MAXCONF: the larger of the device's and "all"'s value. */
    public int confMax(String dev, String name) {
        return Math.max(conf(dev, name), conf("all", name));
    }

    /** Dotted form: "net/ipv4/ip_forward" becomes "net.ipv4.ip_forward". */
    public static String normalize(String key) {
        return key.startsWith("/") ? key.substring(1).replace('/', '.') : key.replace('/', '.');
    }
}
