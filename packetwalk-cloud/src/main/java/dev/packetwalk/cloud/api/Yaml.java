package dev.packetwalk.cloud.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * PyYAML's {@code safe_dump(value, default_flow_style=False)}, which cliff's {@code -f yaml}
 * prints: block style, keys sorted, strings plain unless YAML would read them as something
 * else (a number, a boolean, null, a timestamp) or they hold indicators, then single-quoted.
 * Long scalars are not folded at 80 columns as PyYAML folds them.
 */
final class Yaml {
    private static final Pattern NOT_PLAIN = Pattern.compile(
            "^$|^[-?:,\\[\\]{}#&*!|>'\"%@`\\s].*|.*[\\s]$|.*: .*|.*:$|.* #.*|.*[\\n\\t].*");
    private static final Pattern RESOLVES = Pattern.compile(
            "(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N"
                    + "|~|null|Null|NULL"
                    + "|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[0-1_]+"
                    + "|[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+][0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(?:(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?)");

    private Yaml() {
    }

    static String dump(Object value) {
        StringBuilder sb = new StringBuilder();
        if (isEmptyContainer(value) || !(value instanceof List<?> || value instanceof Map<?, ?>)) {
            sb.append(scalar(value)).append('\n');
        } else {
            block(sb, value, 0);
        }
        return sb.toString();
    }

    private static void block(StringBuilder sb, Object value, int indent) {
        String pad = " ".repeat(indent);
        if (value instanceof List<?> list) {
            for (Object item : list) {
                sb.append(pad).append("- ");
                inline(sb, item, indent + 2);
            }
        } else if (value instanceof Map<?, ?> map) {
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                sb.append(first && sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ' ? "" : pad);
                first = false;
                sb.append(scalar(e.getKey())).append(':');
                Object v = e.getValue();
                if (v instanceof List<?> l && !l.isEmpty()) {
                    sb.append('\n');
                    block(sb, v, indent);
                } else if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                    sb.append('\n');
                    block(sb, v, indent + 2);
                } else {
                    sb.append(' ').append(scalar(v)).append('\n');
                }
            }
        }
    }

    /** A list item: a scalar on the dash's line, a mapping starting there, a list below it. */
    private static void inline(StringBuilder sb, Object item, int indent) {
        if (item instanceof Map<?, ?> m && !m.isEmpty()) {
            block(sb, item, indent);
        } else if (item instanceof List<?> l && !l.isEmpty()) {
            sb.append('\n');
            block(sb, item, indent);
        } else {
            sb.append(scalar(item)).append('\n');
        }
    }

    private static boolean isEmptyContainer(Object v) {
        return v instanceof List<?> l && l.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty();
    }

    private static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        String s = (String) v;
        if (NOT_PLAIN.matcher(s).matches() || RESOLVES.matcher(s).matches()) {
            return "'" + s.replace("'", "''") + "'";
        }
        return s;
    }
}
