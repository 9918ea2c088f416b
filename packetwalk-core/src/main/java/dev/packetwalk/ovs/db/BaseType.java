package dev.packetwalk.ovs.db;

import java.util.List;
import java.util.Map;

/**
 * The type of one atom in an OVSDB column: integer, real, boolean, string or uuid, with the
 * schema's constraints (enumerated strings, an integer range, a referenced table).
 */
public record BaseType(Kind kind, List<String> enumValues, long min, long max, String refTable) {
    /** The five OVSDB atomic types. */
    public enum Kind { INTEGER, REAL, BOOLEAN, STRING, UUID }

    /** The default atom of this type: 0, 0.0, false, "", or the all-zero UUID. */
    public Object defaultAtom() {
        return switch (kind) {
            case INTEGER -> 0L;
            case REAL -> 0.0;
            case BOOLEAN -> false;
            case STRING -> "";
            case UUID -> new Uuid(0, 0);
        };
    }

    /**
     * Parses an atom the way ovs-vsctl reads one from the command line: strings may be
     * double-quoted, uuids may name a {@code @symbol} of this command line.
     */
    public Object parse(String text, Map<String, Uuid> symbols) {
        Object atom = switch (kind) {
            case INTEGER -> parseInteger(text);
            case REAL -> parseReal(text);
            case BOOLEAN -> parseBoolean(text);
            case STRING -> text.startsWith("\"") ? AtomText.unquote(text) : text;
            case UUID -> parseUuid(text, symbols);
        };
        check(atom);
        return atom;
    }

    /** Throws the constraint violation OVSDB reports when {@code atom} breaks the schema. */
    public void check(Object atom) {
        if (kind == Kind.STRING && !enumValues.isEmpty() && !enumValues.contains(atom)) {
            throw new OvsDbException("constraint violation: " + AtomText.format(atom)
                    + " is not one of the allowed values (" + AtomText.formatSet(enumValues) + ")");
        }
        if (kind == Kind.INTEGER) {
            long v = (Long) atom;
            boolean bounded = min != Long.MIN_VALUE && max != Long.MAX_VALUE;
            if (v < min || v > max) {
                throw new OvsDbException("constraint violation: " + (bounded
                        ? v + " is not in the valid range " + min + " to " + max + " (inclusive)"
                        : v < min ? v + " is less than minimum allowed value " + min
                        : v + " is greater than maximum allowed value " + max));
            }
        }
    }

    private static Long parseInteger(String text) {
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new OvsDbException("\"" + text + "\" is not a valid integer or range");
        }
    }

    private static Double parseReal(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new OvsDbException("\"" + text + "\" is not a valid real number");
        }
    }

    private static Boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new OvsDbException("\"" + text
                    + "\" is not a valid boolean (use \"true\" or \"false\")");
        };
    }

    private static Uuid parseUuid(String text, Map<String, Uuid> symbols) {
        if (text.startsWith("@")) {
            Uuid u = symbols.get(text);
            if (u == null) {
                throw new OvsDbException(text + ": undefined symbol");
            }
            return u;
        }
        Uuid u = Uuid.parseOrNull(text);
        if (u == null) {
            throw new OvsDbException("\"" + text + "\" is not a valid UUID");
        }
        return u;
    }

    /** Reads the schema resource's notation: {@code name[{a|b}][lo..hi][>Table]}. */
    static BaseType fromSpec(String spec) {
        String ref = null;
        int gt = spec.indexOf('>');
        if (gt >= 0) {
            ref = spec.substring(gt + 1);
            spec = spec.substring(0, gt);
        }
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        int br = spec.indexOf('[');
        if (br >= 0) {
            String[] range = spec.substring(br + 1, spec.length() - 1).split("\\.\\.", -1);
            lo = range[0].isEmpty() ? lo : Long.parseLong(range[0]);
            hi = range[1].isEmpty() ? hi : Long.parseLong(range[1]);
            spec = spec.substring(0, br);
        }
        List<String> enums = List.of();
        int cb = spec.indexOf('{');
        if (cb >= 0) {
            enums = List.of(spec.substring(cb + 1, spec.length() - 1).split("\\|"))
                    .stream().sorted().toList();
            spec = spec.substring(0, cb);
        }
        return new BaseType(Kind.valueOf(spec.toUpperCase(java.util.Locale.ROOT)), enums, lo, hi, ref);
    }
}
