package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A {@code neutron *-show} command (neutronclient's ShowCommand): the object found by name or
 * id, its fields sorted by name; for a table, lists one item a line (dicts as JSON), dicts as
 * JSON and nulls empty.
 *
 * @param name       the sub-command ({@code net-show})
 * @param resource   the object's name in messages ({@code network})
 * @param all        the objects it looks among
 * @param jsonIndent the indent of dicts in a table ({@code security-group-show} indents by 5), or -1
 */
record NeutronShow(String name, String resource, Function<NeutronApi, List<Map<String, Object>>> all, int jsonIndent)
        implements NeutronSubcommand {

    @Override
    public Argparse parser() {
        Argparse p = new Argparse("neutron " + name, CLIFF.python()).flag("-h", "--help");
        CliffOutput.showOptions(p, CLIFF);
        return NeutronSubcommand.common(p).positional(resource.toUpperCase());
    }

    @Override
    public String print(NeutronApi api, Argparse.Parsed args, CliffOutput out) throws ClientError {
        Map<String, Object> found = NeutronApi.find(all.apply(api), resource, args.positional(0));
        Map<String, Object> shown = new TreeMap<>(restricted(found, args.all("--field")));
        boolean table = out.format().equals("table");
        List<String> names = new ArrayList<>(shown.keySet());
        List<Cell> cells = new ArrayList<>();
        for (Object v : shown.values()) {
            cells.add(Cell.of(table ? readable(v) : v));
        }
        return out.show(names, cells);
    }

    /** ShowCommand.format_output_data: what a table shows of one field. */
    private Object readable(Object v) {
        Python py = CLIFF.python();
        if (v instanceof List<?> list) {
            List<String> lines = new ArrayList<>();
            for (Object item : list) {
                lines.add(item instanceof Map<?, ?> ? json(item) : py.str(item));
            }
            return String.join("\n", lines);
        }
        if (v instanceof Map<?, ?>) {
            return json(v);
        }
        return v == null ? "" : v;
    }

    private String json(Object v) {
        return jsonIndent < 0 ? CLIFF.python().json(v) : CLIFF.python().json(v, jsonIndent);
    }

    /** Only the requested fields of an object, in its order. */
    static Map<String, Object> restricted(Map<String, Object> object, List<String> fields) {
        if (fields.isEmpty()) {
            return object;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        object.forEach((k, v) -> {
            if (fields.contains(k)) {
                m.put(k, v);
            }
        });
        return m;
    }
}
