package dev.packetwalk.cloud.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The ids of a kind of object grouped by one of their fields, kept in creation order, for the cloud's lookups. */
final class Index<T> {
    private final Function<T, String> key;
    private final Function<T, String> id;
    private final Map<String, Set<String>> ids = new HashMap<>();

    Index(Function<T, String> key, Function<T, String> id) {
        this.key = key;
        this.id = id;
    }

    /** Moves an object from its old key to its new one ({@code old} null when it is new). */
    void replace(T old, T now) {
        if (old != null && !key.apply(old).equals(key.apply(now))) {
            ids.get(key.apply(old)).remove(id.apply(old));
        }
        ids.computeIfAbsent(key.apply(now), k -> new LinkedHashSet<>()).add(id.apply(now));
    }

    /** The objects under {@code k}, looked up in {@code all} by id. */
    List<T> get(String k, Map<String, T> all) {
        Set<String> found = ids.get(k);
        if (found == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(found.size());
        for (String i : found) {
            out.add(all.get(i));
        }
        return Collections.unmodifiableList(out);
    }
}
