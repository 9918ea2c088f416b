package dev.packetwalk.ovs.db;

/**
 * The type of an OVSDB column: a key type, an optional value type (then it is a map), and
 * how many elements it holds ({@code max} is {@link Integer#MAX_VALUE} for "unlimited").
 */
public record ColumnType(BaseType key, BaseType value, int min, int max) {
    public boolean isMap() {
        return value != null;
    }

    /** A scalar holds exactly one atom; it prints bare, never in brackets. */
    public boolean isScalar() {
        return min == 1 && max == 1;
    }

    /** The value a new row has: one default atom for scalars, empty otherwise. */
    public Datum defaultDatum() {
        return isScalar() ? Datum.of(key.defaultAtom()) : Datum.empty(isMap());
    }
}
