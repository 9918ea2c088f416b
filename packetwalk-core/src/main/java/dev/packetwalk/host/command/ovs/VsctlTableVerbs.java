package dev.packetwalk.host.command.ovs;

import dev.packetwalk.ovs.db.OvsDbException;
import dev.packetwalk.ovs.db.Row;
import dev.packetwalk.ovs.db.TableEditor;
import dev.packetwalk.ovs.db.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** ovs-vsctl's database commands on any table: get, set, add, remove, clear, list, find, create, destroy. */
final class VsctlTableVerbs {
    private static final int ANY = Integer.MAX_VALUE;

    private VsctlTableVerbs() {
    }

    static List<VsctlVerb> all() {
        return List.of(
                VsctlVerb.of("get", 2, ANY, "--if-exists --id", VsctlTableVerbs::get),
                VsctlVerb.of("set", 3, ANY, "--if-exists", (c, a) -> each(c, a, (row, s) -> c.editor().set(row, s))),
                VsctlVerb.of("add", 4, ANY, "--if-exists", (c, a) -> onRecord(c, a,
                        row -> c.editor().add(row, a.get(2), a.subList(3, a.size())))),
                VsctlVerb.of("remove", 4, ANY, "--if-exists", (c, a) -> onRecord(c, a,
                        row -> c.editor().remove(row, a.get(2), a.subList(3, a.size())))),
                VsctlVerb.of("clear", 3, ANY, "--if-exists", (c, a) -> each(c, a, (row, s) -> c.editor().clear(row, s))),
                VsctlVerb.of("list", 1, ANY, "--if-exists --columns", VsctlTableVerbs::list),
                VsctlVerb.of("find", 1, ANY, "--columns", VsctlTableVerbs::find),
                VsctlVerb.of("create", 2, ANY, "--id", VsctlTableVerbs::create),
                VsctlVerb.of("destroy", 1, ANY, "--if-exists --all", VsctlTableVerbs::destroy),
                VsctlVerb.of("wait-until", 2, ANY, "", VsctlTableVerbs::waitUntil));
    }

    private static void get(VsctlContext c, List<String> a) {
        TableEditor e = c.editor();
        TableSchema t = e.table(a.get(0));
        Optional<Row> row = record(c, t, a.get(1));
        if (row.isEmpty()) {
            return;
        }
        if (c.has("--id")) {
            defineSymbol(c, row.get());
        }
        for (String column : a.subList(2, a.size())) {
            String value = e.get(row.get(), column, c.has("--if-exists"));
            c.println(value);
        }
    }

    private static void each(VsctlContext c, List<String> a, BiConsumer<Row, String> action) {
        onRecord(c, a, row -> a.subList(2, a.size()).forEach(s -> action.accept(row, s)));
    }

    private static void onRecord(VsctlContext c, List<String> a, java.util.function.Consumer<Row> action) {
        TableSchema t = c.editor().table(a.get(0));
        record(c, t, a.get(1)).ifPresent(action);
    }

    private static Optional<Row> record(VsctlContext c, TableSchema t, String id) {
        Optional<Row> row = c.editor().record(t, id);
        if (row.isEmpty() && !c.has("--if-exists")) {
            throw new OvsDbException("no row \"" + id + "\" in table " + t.name());
        }
        return row;
    }

    private static void list(VsctlContext c, List<String> a) {
        TableEditor e = c.editor();
        TableSchema t = e.table(a.get(0));
        List<Row> rows = new ArrayList<>();
        if (a.size() == 1) {
            rows.addAll(c.db().rows(t.name()));
        } else {
            for (String id : a.subList(1, a.size())) {
                record(c, t, id).ifPresent(rows::add);
            }
        }
        c.out().append(c.tables().print(rows, t, columns(c, t)));
    }

    private static void find(VsctlContext c, List<String> a) {
        TableEditor e = c.editor();
        TableSchema t = e.table(a.get(0));
        c.out().append(c.tables().print(e.find(t, a.subList(1, a.size())), t, columns(c, t)));
    }

    private static List<String> columns(VsctlContext c, TableSchema t) {
        String spec = c.option("--columns");
        List<String> columns = null;
        if (spec != null) {
            columns = new ArrayList<>();
            for (String name : spec.split(",")) {
                columns.add(c.editor().column(t, name, "list").column());
            }
        }
        return columns;
    }

    private static void create(VsctlContext c, List<String> a) {
        TableEditor e = c.editor();
        Row row = e.create(e.table(a.get(0)), a.subList(1, a.size()));
        if (c.has("--id")) {
            defineSymbol(c, row);
        }
        c.println(row.uuid().toString());
    }

    private static void defineSymbol(VsctlContext c, Row row) {
        String id = c.option("--id");
        if (!id.startsWith("@")) {
            throw new OvsDbException("row id \"" + id + "\" does not begin with \"@\"");
        }
        if (c.symbols().containsKey(id)) {
            throw new OvsDbException("row id \"" + id + "\" may only be specified on one --id option");
        }
        c.symbols().put(id, row.uuid());
    }

    /**
     * wait-until returns at once when the condition holds. Otherwise the real command blocks
     * until another client changes the database or --timeout fires (SIGALRM, status 142);
     * nothing changes an emulated database while one command runs, so Packetwalk says so.
     */
    private static void waitUntil(VsctlContext c, List<String> a) {
        TableEditor e = c.editor();
        TableSchema t = e.table(a.get(0));
        if (!e.holds(t, a.get(1), a.subList(2, a.size()))) {
            throw new OvsDbException("wait-until " + String.join(" ", a) + ": the condition does not hold and"
                    + " nothing else changes the emulated database, so the real command would wait until"
                    + " its --timeout (exit status 142)", 142);
        }
    }

    private static void destroy(VsctlContext c, List<String> a) {
        TableEditor e = c.editor();
        TableSchema t = e.table(a.get(0));
        if (c.has("--all")) {
            c.db().rows(t.name()).forEach(e::destroy);
            return;
        }
        for (String id : a.subList(1, a.size())) {
            record(c, t, id).ifPresent(e::destroy);
        }
    }
}
