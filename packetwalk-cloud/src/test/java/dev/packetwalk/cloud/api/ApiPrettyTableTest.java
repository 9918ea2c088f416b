package dev.packetwalk.cloud.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PrettyTable and cliff's fitting against prettytable 0.7.2 under Python 2.7.18 with cliff 2.x's
 * _assign_max_widths (prettytable-cases.txt: random tables of ids, JSON and multi-line cells,
 * fitted to terminals of 60 to 150 columns).
 */
class ApiPrettyTableTest {
    @Test
    void drawsAndFitsAsPrettytableAndCliffDo() {
        int cases = 0;
        List<String> fields = null;
        int term = 0;
        int min = 0;
        List<List<String>> rows = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String line : Resources.lines("prettytable-cases.txt")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "T" -> {
                    term = Integer.parseInt(f[1]);
                    min = Integer.parseInt(f[2]);
                    fields = Arrays.asList(f).subList(3, f.length);
                }
                case "R" -> rows.add(Arrays.stream(f).skip(1).map(v -> v.replace("\\n", "\n")).toList());
                case "O" -> expected.add(line.substring(2));
                case "E" -> {
                    PrettyTable table = CliffOutput.fitted(PrettyTable.of(fields, rows, false), term, min);
                    assertThat(table.render()).isEqualTo(String.join("\n", expected));
                    rows.clear();
                    expected.clear();
                    cases++;
                }
                default -> {
                }
            }
        }
        assertThat(cases).isEqualTo(24);
    }

    @Test
    void anEmptyTablePrintsNothingOrItsHeader() {
        assertThat(PrettyTable.of(List.of("id", "name"), List.of(), false).render()).isEmpty();
        assertThat(PrettyTable.of(List.of("id", "name"), List.of(), true).render()).isEqualTo("""
                +----+------+
                | id | name |
                +----+------+
                +----+------+""");
    }

    @Test
    void rightAlignedColumnsAndSorting() {
        PrettyTable t = PrettyTable.of(List.of("name", "mtu"), List.of(List.of("b", "1450"), List.of("a", "1500"),
                List.of("a", "9000")), true).withRightAlign(List.of(false, true)).sortedBy("name");
        assertThat(t.render()).isEqualTo("""
                +------+------+
                | name |  mtu |
                +------+------+
                | a    | 1500 |
                | a    | 9000 |
                | b    | 1450 |
                +------+------+""");
    }
}
