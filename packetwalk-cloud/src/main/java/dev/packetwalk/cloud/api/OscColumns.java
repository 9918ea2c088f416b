package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * osc-lib's formattable columns, as the openstack client shows API values in a table (JSON and
 * {@code -f value} print the raw value): lists sorted and joined by commas, dicts as
 * {@code key='value'} pairs sorted by key (nested dicts flattened to {@code a.b='v'}), lists of
 * dicts one dict a line, booleans of state as UP/DOWN.
 */
final class OscColumns {
    private static final Python PY = Python.PY3;

    private OscColumns() {
    }

    /** format_columns.ListColumn. */
    static Cell list(Object value) {
        if (!(value instanceof List<?> list)) {
            return Cell.shown(value, PY.str(value));
        }
        List<String> items = new ArrayList<>(list.stream().map(PY::str).toList());
        items.sort(null);
        return Cell.shown(value, String.join(", ", items));
    }

    /** format_columns.DictColumn. */
    static Cell dict(Object value) {
        return Cell.shown(value, value instanceof Map<?, ?> m ? formatDict(m, null) : PY.str(value));
    }

    /** format_columns.ListDictColumn: one dict a line. */
    static Cell listOfDicts(Object value) {
        if (!(value instanceof List<?> list)) {
            return Cell.shown(value, PY.str(value));
        }
        List<String> lines = list.stream().map(d -> formatDict((Map<?, ?>) d, null)).toList();
        return Cell.shown(value, String.join("\n", lines));
    }

    /** AdminStateColumn: UP or DOWN. */
    static Cell adminState(Object value) {
        return Cell.shown(value, Boolean.TRUE.equals(value) ? "UP" : "DOWN");
    }

    /** RouterExternalColumn: External or Internal. */
    static Cell routerExternal(Object value) {
        return Cell.shown(value, Boolean.TRUE.equals(value) ? "External" : "Internal");
    }

    /** A column shown as its JSON (RouterInfoColumn). */
    static Cell json(Object value) {
        return Cell.shown(value, PY.json(value));
    }

    /** A column whose table text is given (a formatter of the command's own). */
    static Cell shown(Object value, String text) {
        return Cell.shown(value, text);
    }

    /** RoutesColumn and HostRoutesColumn: each route as {@code destination='...', gateway='...'}. */
    static Cell routes(Object value) {
        List<Map<String, Object>> renamed = new ArrayList<>();
        for (Object r : (List<?>) value) {
            Map<String, Object> route = new LinkedHashMap<>();
            ((Map<?, ?>) r).forEach((k, v) -> route.put(k.equals("nexthop") ? "gateway" : k.toString(), v));
            renamed.add(route);
        }
        return Cell.shown(value, listOfDicts(renamed).shown());
    }

    /** utils.format_dict: {@code key='value'} sorted by key, nested dicts as {@code key.sub='value'}. */
    static String formatDict(Map<?, ?> data, String prefix) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<?, ?> e : new TreeMap<>(data).entrySet()) {
            String key = prefix == null ? e.getKey().toString() : prefix + "." + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                parts.add(formatDict(nested, key));
            } else if (v != null) {
                parts.add(key + "='" + PY.str(v) + "'");
            } else {
                parts.add(key + "=");
            }
        }
        return String.join(", ", parts);
    }
}
