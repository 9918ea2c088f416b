package dev.packetwalk.cloud.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real python-openstackclient's tables (Zed, reference/real-neutron/outputs/api/openstack-cli.txt):
 * the header cells of a list, the field names of a show, a field's value.
 */
final class OscOracle {
    private final List<String> lines;

    private OscOracle(List<String> lines) {
        this.lines = lines;
    }

    static OscOracle load() {
        Path file = Path.of(System.getProperty("packetwalk.root", "."), "..", "shared", "reference", "real-neutron",
                "outputs", "api", "openstack-cli.txt").normalize();
        try {
            return new OscOracle(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table printed after {@code ### openstack COMMAND}. */
    List<String> table(String command) {
        int at = lines.indexOf("### openstack " + command);
        if (at < 0) {
            throw new IllegalArgumentException("no output of openstack " + command);
        }
        List<String> table = new ArrayList<>();
        for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("###"); i++) {
            table.add(lines.get(i));
        }
        return table;
    }

    /** A table's header cells. */
    static List<String> headers(List<String> table) {
        return cells(table.get(1));
    }

    /** A ShowOne table's field names, in order. */
    static List<String> fields(List<String> table) {
        return table.subList(3, table.size() - 1).stream().map(OscOracle::cells).map(c -> c.get(0)).filter(f -> !f.isEmpty())
                .toList();
    }

    /** A ShowOne table's value of one field (its first line). */
    static String value(List<String> table, String field) {
        return table.stream().map(OscOracle::cells).filter(c -> c.get(0).equals(field)).findFirst().orElseThrow().get(1);
    }

    static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
