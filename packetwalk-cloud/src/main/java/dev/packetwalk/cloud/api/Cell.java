package dev.packetwalk.cloud.api;

/**
 * One value a client hands to its output formatter: what machine formats ({@code -f json},
 * {@code -f value}) print, and what a table shows. {@code shown} is null for plain values,
 * which a table shows as Python's {@code str()}; osc-lib's formattable columns (UP/DOWN,
 * {@code key='value'} lists) set it.
 */
record Cell(Object value, String shown) {
    static Cell of(Object value) {
        return new Cell(value, null);
    }

    static Cell shown(Object value, String shown) {
        return new Cell(value, shown);
    }

    /** The text a table cell gets. */
    String human(Python python) {
        return shown != null ? shown : python.str(value);
    }

    /** cliff aligns a column right when its first row holds a Python int. */
    boolean numeric() {
        return value instanceof Integer || value instanceof Long;
    }
}
