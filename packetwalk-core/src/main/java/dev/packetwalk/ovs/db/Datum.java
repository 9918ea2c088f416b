package dev.packetwalk.ovs.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The value of one column in one row: a sorted set of atoms, or a sorted map from atoms to
 * atoms (OVSDB keeps both in atom order). Immutable.
 */
public final class Datum {
    private static final Datum EMPTY_SET = new Datum(new TreeMap<>(), false);
    private static final Datum EMPTY_MAP = new Datum(new TreeMap<>(), true);

    private final SortedMap<Object, Object> elements;
    private final boolean map;

    private Datum(SortedMap<Object, Object> elements, boolean map) {
        this.elements = Collections.unmodifiableSortedMap(elements);
        this.map = map;
    }

    public static Datum empty(boolean map) {
        return map ? EMPTY_MAP : EMPTY_SET;
    }

    public static Datum of(Object atom) {
        TreeMap<Object, Object> m = new TreeMap<>();
        m.put(atom, Boolean.TRUE);
        return new Datum(m, false);
    }

    public static Datum ofSet(Collection<?> atoms) {
        TreeMap<Object, Object> m = new TreeMap<>();
        for (Object a : atoms) {
            m.put(a, Boolean.TRUE);
        }
        return new Datum(m, false);
    }

    public static Datum ofMap(Map<?, ?> entries) {
        return new Datum(new TreeMap<>(entries), true);
    }

    public boolean isMap() {
        return map;
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** The atoms of a set, or the keys of a map, in order. */
    public List<Object> keys() {
        return new ArrayList<>(elements.keySet());
    }

    /** The entries of a map column, in key order. */
    @SuppressWarnings("unchecked")
    public <K, V> SortedMap<K, V> asMap() {
        return (SortedMap<K, V>) (SortedMap<?, ?>) elements;
    }

    public Object get(Object key) {
        return map ? elements.get(key) : null;
    }

    public boolean contains(Object key) {
        return elements.containsKey(key);
    }

    /** The only atom of a scalar or optional column, or null when empty. */
    public Object first() {
        return elements.isEmpty() ? null : elements.firstKey();
    }

    /** This datum with {@code key} (and {@code value} for maps) added or replaced. */
    public Datum with(Object key, Object value) {
        TreeMap<Object, Object> m = new TreeMap<>(elements);
        m.put(key, map ? value : Boolean.TRUE);
        return new Datum(m, map);
    }

    /** Union: for maps, keys already present keep their value (OVSDB "insert" mutation). */
    public Datum union(Datum other) {
        TreeMap<Object, Object> m = new TreeMap<>(elements);
        other.elements.forEach(m::putIfAbsent);
        return new Datum(m, map);
    }

    /**
     * Removes the elements of {@code other}: for maps, an entry of {@code other} removes the key
     * only when the values match; a set of keys against a map removes those keys.
     */
    public Datum minus(Datum other) {
        TreeMap<Object, Object> m = new TreeMap<>(elements);
        other.elements.forEach((k, v) -> {
            if (!map || !other.map || v.equals(m.get(k))) {
                m.remove(k);
            }
        });
        return new Datum(m, map);
    }

    /** ovs-vsctl's display form: bare atom for a single element of a non-set, else [a, b] or {k=v}. */
    public String format(ColumnType type) {
        StringBuilder sb = new StringBuilder();
        boolean brackets = type.max() > 1 || elements.isEmpty();
        if (brackets) {
            sb.append(map ? '{' : '[');
        }
        boolean firstElement = true;
        for (Map.Entry<Object, Object> e : elements.entrySet()) {
            if (!firstElement) {
                sb.append(", ");
            }
            firstElement = false;
            sb.append(AtomText.format(e.getKey()));
            if (map) {
                sb.append('=').append(AtomText.format(e.getValue()));
            }
        }
        if (brackets) {
            sb.append(map ? '}' : ']');
        }
        return sb.toString();
    }

    /** The {@code --bare} form: elements separated by spaces, strings unquoted. */
    public String formatBare() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Object, Object> e : elements.entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(AtomText.formatBare(e.getKey()));
            if (map) {
                sb.append('=').append(AtomText.formatBare(e.getValue()));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Datum d && d.map == map && d.elements.equals(elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
