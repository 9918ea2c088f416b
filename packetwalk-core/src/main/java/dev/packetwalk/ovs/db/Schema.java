package dev.packetwalk.ovs.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The part of Open vSwitch 3.1's database schema (vswitch.ovsschema) that Packetwalk models:
 * Open_vSwitch, Bridge, Port, Interface, Controller and Manager, read from a resource.
 */
public final class Schema {
    private static final Schema VSWITCH = load("vswitch-schema.txt");

    private final Map<String, TableSchema> tables;

    private Schema(Map<String, TableSchema> tables) {
        this.tables = tables;
    }

    public static Schema vswitch() {
        return VSWITCH;
    }

    public TableSchema table(String name) {
        TableSchema t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no table " + name);
        }
        return t;
    }

    /** The table a user means (case-insensitive, unique prefix allowed), as ovs-vsctl resolves it. */
    public Optional<TableSchema> resolveTable(String text) {
        String want = text.toLowerCase(Locale.ROOT);
        TableSchema prefix = null;
        int prefixes = 0;
        for (TableSchema t : tables.values()) {
            String n = t.name().toLowerCase(Locale.ROOT);
            if (n.equals(want)) {
                return Optional.of(t);
            }
            if (n.startsWith(want)) {
                prefix = t;
                prefixes++;
            }
        }
        return prefixes == 1 ? Optional.of(prefix) : Optional.empty();
    }

    private static Schema load(String resource) {
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        Map<String, String[]> headers = new LinkedHashMap<>();
        Map<String, TreeMap<String, ColumnType>> columns = new LinkedHashMap<>();
        try (InputStream in = Schema.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                if (f[0].equals("table")) {
                    headers.put(f[1], f);
                    columns.put(f[1], new TreeMap<>());
                    continue;
                }
                BaseType key = BaseType.fromSpec(f[2]);
                BaseType value = f[3].equals("-") ? null : BaseType.fromSpec(f[3]);
                int max = f[5].equals("*") ? Integer.MAX_VALUE : Integer.parseInt(f[5]);
                columns.get(f[0]).put(f[1], new ColumnType(key, value, Integer.parseInt(f[4]), max));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        headers.forEach((name, h) -> {
            String index = h[3].substring("index=".length());
            tables.put(name, new TableSchema(name, h[2].equals("root=true"),
                    index.equals("-") ? null : index, columns.get(name)));
        });
        return new Schema(tables);
    }
}
