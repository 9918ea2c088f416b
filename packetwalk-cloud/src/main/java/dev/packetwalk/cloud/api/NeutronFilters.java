package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters neutronclient builds from a list command's unknown options
 * ({@code --device-owner network:dhcp}, {@code --fixed-ips ip_address=10.0.0.3},
 * {@code --name=net1}) and the server applies: an object stays when each filtered attribute it
 * has equals one of the given values (or, for a list attribute, holds one). Attributes the
 * objects lack are ignored, as the Ocata server ignores them.
 */
final class NeutronFilters {
    private NeutronFilters() {
    }

    static List<Map<String, Object>> apply(List<Map<String, Object>> objects, List<String> specs) throws ClientError {
        Map<String, List<String>> filters = parse(specs);
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            if (filters.entrySet().stream().allMatch(f -> !o.containsKey(f.getKey()) || matches(o.get(f.getKey()), f.getValue()))) {
                kept.add(o);
            }
        }
        return kept;
    }

    /** neutronclient's parse_args_to_dict: {@code --key value...} and {@code --key=value}, dashes read as underscores. */
    static Map<String, List<String>> parse(List<String> specs) throws ClientError {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        List<String> current = null;
        for (String s : specs) {
            if (s.startsWith("--") && s.length() > 2) {
                String key = s.substring(2);
                String inline = null;
                if (key.contains("=")) {
                    inline = key.substring(key.indexOf('=') + 1);
                    key = key.substring(0, key.indexOf('='));
                }
                current = filters.computeIfAbsent(key.replace('-', '_'), k -> new ArrayList<>());
                if (inline != null) {
                    current.add(inline);
                }
            } else if (current == null) {
                throw new ClientError("CommandError", "Invalid values_specs " + String.join(" ", specs));
            } else if (!s.equals("list=true")) {
                current.add(s);
            }
        }
        for (Map.Entry<String, List<String>> f : filters.entrySet()) {
            if (f.getValue().isEmpty()) {
                f.getValue().add("True");
            }
        }
        return filters;
    }

    private static boolean matches(Object attribute, List<String> wanted) {
        if (attribute instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m ? wanted.stream().anyMatch(w -> holds(m, w)) : matches(item, wanted)) {
                    return true;
                }
            }
            return false;
        }
        String text = NeutronSubcommand.CLIFF.python().str(attribute);
        return wanted.stream().anyMatch(w -> attribute instanceof Boolean ? w.equalsIgnoreCase(text) : w.equals(text));
    }

    /** A fixed_ips filter {@code ip_address=10.0.0.3} (or {@code subnet_id=...}) against one entry. */
    private static boolean holds(Map<?, ?> entry, String wanted) {
        int eq = wanted.indexOf('=');
        return eq > 0 && wanted.substring(eq + 1).equals(entry.get(wanted.substring(0, eq)));
    }
}
