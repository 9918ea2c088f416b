package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How neutronclient 6.1 (securitygroup.py) summarises security group rules: one line per rule
 * in {@code security-group-list} ({@code ingress, IPv4, remote_group_id: ...}), and the
 * digested {@code port/protocol} and {@code remote} columns of {@code security-group-rule-list},
 * groups named instead of numbered.
 */
final class NeutronSecurityGroups {
    private NeutronSecurityGroups() {
    }

    /** {@code _format_sg_rules}: the group's rules, one summary a line, sorted. */
    static Object rulesSummary(Map<String, Object> group) {
        if (!(group.get("security_group_rules") instanceof List<?> rules)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (Object r : rules) {
            lines.add(summary((Map<?, ?>) r));
        }
        lines.sort(null);
        return String.join("\n", lines);
    }

    private static String summary(Map<?, ?> rule) {
        List<String> parts = new ArrayList<>();
        addIfSet(parts, null, rule.get("direction"));
        addIfSet(parts, null, rule.get("ethertype"));
        addIfSet(parts, null, protocolPort(rule));
        addIfSet(parts, "remote_ip_prefix", rule.get("remote_ip_prefix"));
        addIfSet(parts, "remote_group_id", rule.get("remote_group_id"));
        return String.join(", ", parts);
    }

    private static void addIfSet(List<String> parts, String label, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            parts.add(label == null ? value.toString() : label + ": " + value);
        }
    }

    /** ListSecurityGroupRule.extend_list: group ids as names, then the digested columns. */
    static Map<String, Object> digested(NeutronApi api, Map<String, Object> rule) {
        Map<String, String> names = new HashMap<>();
        api.securityGroups().forEach(g -> {
            if (!g.get("name").toString().isEmpty()) {
                names.put((String) g.get("id"), (String) g.get("name"));
            }
        });
        Map<String, Object> copy = new LinkedHashMap<>(rule);
        for (String key : List.of("security_group_id", "remote_group_id")) {
            if (copy.get(key) instanceof String id) {
                copy.put(key, names.getOrDefault(id, id));
            }
        }
        if (copy.keySet().containsAll(List.of("remote_ip_prefix", "remote_group_id"))) {
            copy.put("remote", orAny(remote(copy)));
        }
        if (copy.keySet().containsAll(List.of("protocol", "port_range_min", "port_range_max"))) {
            copy.put("port/protocol", orAny(protocolPort(copy)));
            copy.put("protocol/port", orAny(protocolPort(copy)));
        }
        return copy;
    }

    private static String orAny(String s) {
        return s == null || s.isEmpty() ? "any" : s;
    }

    private static String remote(Map<?, ?> rule) {
        if (rule.get("remote_ip_prefix") != null) {
            return rule.get("remote_ip_prefix") + " (CIDR)";
        }
        if (rule.get("remote_group_id") != null) {
            return rule.get("remote_group_id") + " (group)";
        }
        return null;
    }

    /** {@code _get_protocol_port}: {@code 22/tcp}, {@code 1000-2000/udp}, {@code icmp (type:8, code:0)} ... */
    private static String protocolPort(Map<?, ?> rule) {
        Object proto = rule.get("protocol");
        Object min = rule.get("port_range_min");
        Object max = rule.get("port_range_max");
        if ("tcp".equals(proto) || "udp".equals(proto)) {
            if (min != null && !min.equals(0) && min.equals(max)) {
                return min + "/" + proto;
            }
            return min != null && !min.equals(0) ? min + "-" + (max == null ? "None" : max) + "/" + proto : proto.toString();
        }
        if ("icmp".equals(proto)) {
            List<String> opts = new ArrayList<>();
            if (min != null) {
                opts.add("type:" + min);
            }
            if (max != null) {
                opts.add("code:" + max);
            }
            return opts.isEmpty() ? "icmp" : "icmp (" + String.join(", ", opts) + ")";
        }
        return proto == null ? null : proto.toString();
    }
}
