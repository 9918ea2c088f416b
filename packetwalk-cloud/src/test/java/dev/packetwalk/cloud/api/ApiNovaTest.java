package dev.packetwalk.cloud.api;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code nova}: list, the rest of show, lookups by id, and novaclient's errors. */
class ApiNovaTest {
    private final ApiRun controller = new ApiRun(SeedCloud.build(), "controller");

    @Test
    void listShowsStatesAndNetworks() {
        List<String> lines = lines(controller.run("nova list").out());
        assertThat(OscOracle.cells(lines.get(1))).containsExactly("ID", "Name", "Status", "Task State", "Power State", "Networks");
        assertThat(OscOracle.cells(lines.get(3))).containsSubsequence("c-private", "ACTIVE", "-", "Running",
                "net1=172.19.1.3, 172.24.4.3");
        assertThat(OscOracle.cells(lines(controller.run("nova list --all-tenants").out()).get(1)))
                .containsExactly("ID", "Name", "Tenant ID", "Status", "Task State", "Power State", "Networks");
    }

    @Test
    void anEmptyListPrintsItsHeader() {
        assertThat(controller.run("nova list --tenant nobody").out()).isEqualTo("""
                +----+------+-----------+--------+------------+-------------+----------+
                | ID | Name | Tenant ID | Status | Task State | Power State | Networks |
                +----+------+-----------+--------+------------+-------------+----------+
                +----+------+-----------+--------+------------+-------------+----------+
                """);
    }

    @Test
    void showIsSortedWithNovaclientsValues() {
        String show = controller.run("nova show c-private").out();
        List<String> fields = lines(show).subList(3, lines(show).size() - 1).stream().map(l -> OscOracle.cells(l).get(0)).toList();
        assertThat(fields).isSorted().contains("OS-EXT-STS:power_state", "flavor", "hostId", "key_name", "net1 network",
                "os-extended-volumes:volumes_attached", "security_groups", "tenant_id");
        assertThat(show).contains("| flavor                               | m1.tiny (1) ")
                .contains("| security_groups                      | default ")
                .contains("| key_name                             | - ")
                .contains("| os-extended-volumes:volumes_attached | [] ");
        String id = OscOracle.cells(lines(show).stream().filter(l -> l.startsWith("| id ")).findFirst().orElseThrow()).get(1);
        assertThat(controller.run("nova show " + id).out()).isEqualTo(show);
    }

    /** hostId is Nova's SHA-224 of the project and the host. */
    @Test
    void hostIdAsNovaComputesIt() {
        assertThat(controller.run("nova show c-private").out())
                .contains("| hostId                               | 01eaf5ea791cfe9be04f3353c2fc75d27e92adc3516d23184576c4a8 |");
    }

    @Test
    void errorsAsNovaclientPrintsThem() {
        ApiRun.Result missing = controller.run("nova show nope");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("ERROR (CommandError): No server with a name or ID of 'nope' exists.\n");
        assertThat(controller.run("nova interface-list nope").err())
                .isEqualTo("ERROR (CommandError): No server with a name or ID of 'nope' exists.\n");
        ApiRun.Result usage = controller.run("nova show");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).isEqualTo("usage: nova show [--minimal] [--wrap <integer>] <server>\n"
                + "error: too few arguments\nTry 'nova help show' for more information.\n");
        ApiRun.Result unknown = controller.run("nova frob");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("usage: nova [--version] [--debug]")
                .endsWith("error: argument <subcommand>: invalid choice: u'frob'\nTry 'nova help ' for more information.\n");
    }

    private static List<String> lines(String out) {
        return Arrays.asList(out.split("\n"));
    }
}
