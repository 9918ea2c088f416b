package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an openstack command hands cliff: a Lister's column headers and rows, or a ShowOne's fields (sorted) and values. */
record OscTable(List<String> names, List<List<Cell>> rows) {
    OscTable {
        names = List.copyOf(names);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** One object's fields, sorted by name as osc-lib's get_osc_show_columns_for_sdk_resource sorts them. */
    static OscTable object(Map<String, Cell> fields) {
        Map<String, Cell> sorted = new TreeMap<>(fields);
        return new OscTable(new ArrayList<>(sorted.keySet()), List.of(new ArrayList<>(sorted.values())));
    }

    /** The single row of an object. */
    List<Cell> values() {
        return rows.get(0);
    }
}
