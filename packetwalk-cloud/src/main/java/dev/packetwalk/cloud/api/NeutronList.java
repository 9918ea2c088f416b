package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@code neutron *-list} command (neutronclient's ListCommand): the objects the server
 * returns for the filters given as extra options ({@code --device_owner network:dhcp}), each
 * changed by the command's {@code extend}, shown in the command's columns — with
 * {@code tenant_id} put after id and name, as the client does for an admin — and, in a table,
 * through the command's formatters.
 *
 * @param name        the sub-command ({@code port-list})
 * @param argument    the positional argument's metavar ({@code ROUTER}), or null
 * @param listColumns the columns shown when no {@code -c} is given
 * @param formatters  how a table shows some columns (JSON of fixed IPs ...)
 * @param headers     columns renamed in the header ({@code security_group_id} as {@code security_group})
 * @param source      the objects, for the positional argument (null when there is none)
 * @param extend      what the command adds to or changes in each object before showing it
 */
record NeutronList(String name, String argument, List<String> listColumns,
        Map<String, Function<Map<String, Object>, Object>> formatters, Map<String, String> headers, Source source,
        BiFunction<NeutronApi, Map<String, Object>, Map<String, Object>> extend) implements NeutronSubcommand {

    /** Where a list comes from. */
    @FunctionalInterface
    interface Source {
        List<Map<String, Object>> fetch(NeutronApi api, String argument) throws ClientError;
    }

    NeutronList {
        listColumns = List.copyOf(listColumns);
        formatters = Map.copyOf(formatters);
        headers = Map.copyOf(headers);
    }

    /** A list with no positional argument, no renamed columns and nothing extended. */
    static NeutronList of(String name, List<String> columns, Map<String, Function<Map<String, Object>, Object>> formatters,
            Function<NeutronApi, List<Map<String, Object>>> all) {
        return new NeutronList(name, null, columns, formatters, Map.of(), (api, arg) -> all.apply(api), (api, m) -> m);
    }

    NeutronList extendedBy(BiFunction<NeutronApi, Map<String, Object>, Map<String, Object>> newExtend) {
        return new NeutronList(name, argument, listColumns, formatters, headers, source, newExtend);
    }

    NeutronList withHeaders(Map<String, String> newHeaders) {
        return new NeutronList(name, argument, listColumns, formatters, newHeaders, source, extend);
    }

    @Override
    public Argparse parser() {
        Argparse p = new Argparse("neutron " + name, CLIFF.python()).flag("-h", "--help");
        CliffOutput.listOptions(p, CLIFF);
        NeutronSubcommand.common(p).integer("SIZE", "-P", "--page-size").append("FIELD", "--sort-key")
                .append("{asc,desc}", "--sort-dir");
        return argument == null ? p : p.positional(argument);
    }

    @Override
    public String print(NeutronApi api, Argparse.Parsed args, CliffOutput out) throws ClientError {
        List<Map<String, Object>> objects = NeutronFilters.apply(
                source.fetch(api, argument == null ? null : args.positional(0)), args.extras());
        objects = sorted(objects, args.all("--sort-key"), args.all("--sort-dir"));
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            shown.add(extend.apply(api, NeutronShow.restricted(o, args.all("--field"))));
        }
        List<String> columns = columns(shown, out.requestedColumns());
        boolean table = out.format().equals("table");
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> o : shown) {
            List<Cell> row = new ArrayList<>();
            for (String c : columns) {
                Function<Map<String, Object>, Object> formatter = table ? formatters.get(c) : null;
                Object v = formatter != null ? formatter.apply(o) : o.getOrDefault(c, "");
                row.add(Cell.of(v == null ? "" : v));
            }
            rows.add(row);
        }
        return out.list(columns.stream().map(c -> headers.getOrDefault(c, c)).toList(), rows, true);
    }

    /** ListCommand.setup_columns: the -c columns the objects have, else the list's columns plus tenant_id. */
    private List<String> columns(List<Map<String, Object>> objects, List<String> requested) {
        if (objects.isEmpty()) {
            return List.of();
        }
        TreeSet<String> available = new TreeSet<>(objects.get(0).keySet());
        if (!requested.isEmpty()) {
            Map<String, String> reverse = new LinkedHashMap<>();
            headers.forEach((k, v) -> reverse.put(v, k));
            return requested.stream().map(c -> reverse.getOrDefault(c, c)).filter(available::contains).toList();
        }
        List<String> columns = new ArrayList<>(listColumns.stream().filter(available::contains).toList());
        if (listColumns.contains("tenant_id") || !available.contains("tenant_id")) {
            return columns;
        }
        int id = Math.max(0, columns.indexOf("id"));
        int name = Math.max(0, columns.indexOf("name"));
        columns.add(Math.max(id, name) + 1, "tenant_id");
        return columns;
    }

    /** The server's sort_key/sort_dir ordering (ascending unless told). */
    private static List<Map<String, Object>> sorted(List<Map<String, Object>> objects, List<String> keys, List<String> dirs) {
        if (keys.isEmpty()) {
            return objects;
        }
        Comparator<Map<String, Object>> order = null;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            Comparator<Map<String, Object>> c = Comparator.comparing(m -> CLIFF.python().str(m.get(key)));
            if (i < dirs.size() && dirs.get(i).equals("desc")) {
                c = c.reversed();
            }
            order = order == null ? c : order.thenComparing(c);
        }
        return objects.stream().sorted(order).toList();
    }
}
