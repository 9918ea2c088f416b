package dev.packetwalk.cloud.api;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests against seed 004: every API command output the walkthrough prints, taken from
 * the seed's own text, compared with what the commands print for the seed's cloud.
 */
class ApiSeed004Test {
    private static final String SEED = "004_2c52dabca35841a1.txt";
    /** The width of the seed author's terminal, which cliff fitted router-list and router-port-list to. */
    private static final int SEED_TERMINAL = 109;

    private final ApiRun controller = new ApiRun(SeedCloud.build(), "controller");
    private final ApiRun terminal = new ApiRun(SeedCloud.build(), "controller", Terminal.of(SEED_TERMINAL));

    @Test
    void netShow() {
        assertOutput(terminal.run("neutron net-show net1"), "controller# neutron net-show net1");
    }

    @Test
    void portListGrep() {
        assertOutput(controller.run("neutron port-list | grep 0685edba-9a91-4bc8-badc-5427e716693a"),
                "controller# neutron port-list | grep 0685edba");
    }

    @Test
    void routerListFittedToTheTerminal() {
        assertOutput(terminal.run("neutron router-list"), "# neutron router-list");
    }

    @Test
    void routerPortListFittedToTheTerminal() {
        assertOutput(terminal.run("neutron router-port-list bfc87e1e-6b93-446f-a305-6dc6153c1198"),
                "# neutron router-port-list bfc87e1e");
    }

    @Test
    void novaInterfaceList() {
        assertOutput(controller.run("nova interface-list c-private"), "controller# nova interface-list c-private");
    }

    @Test
    void virshDumpxmlGrep() {
        ApiRun compute01 = new ApiRun(SeedCloud.build(), "compute01");
        assertOutput(compute01.run("virsh dumpxml instance-00000003 | egrep \"mac|tap\""),
                "compute01# virsh dumpxml instance-00000003 | egrep");
    }

    /** The network row lists the fixed IP, then the floating IP (the value column's width: see below). */
    @Test
    void novaShowNetwork() {
        ApiRun.Result result = controller.run("nova show c-private | grep network");
        assertThat(lines(result.out()).stream().map(ApiSeed004Test::cells).toList()).containsExactlyElementsOf(
                SeedText.after(SEED, "controller# nova show c-private | grep network").stream().map(ApiSeed004Test::cells).toList());
    }

    /**
     * The seed's five lines, but for the value column's width and the key_name row. The value
     * column is 80 wide in the seed: a row that egrep hides sets it; the model cannot know which
     * (a boot-from-volume server's {@code [{"id": "<uuid>", "delete_on_termination": false}]}
     * would be exactly 80). And "key_name" matches "name": Nova always returns key_name, so the
     * real output had that row too; the author must have dropped it.
     */
    @Test
    void novaShowEgrep() {
        ApiRun.Result result = controller.run("nova show c-private | egrep \"instance|hypervis|name\"");
        List<String> expected = SeedText.after(SEED, "controller# nova show c-private | egrep");
        List<String> actual = lines(result.out()).stream().filter(l -> !l.startsWith("| key_name ")).toList();
        assertThat(actual.stream().map(ApiSeed004Test::cells).toList())
                .containsExactlyElementsOf(expected.stream().map(ApiSeed004Test::cells).toList());
        assertThat(lines(result.out()).stream().map(ApiSeed004Test::cells)).contains("| key_name | - |");
    }

    /** A table line with each cell's padding collapsed. */
    static String cells(String line) {
        return line.replaceAll(" +\\|", " |");
    }

    static void assertOutput(ApiRun.Result result, String seedCommand) {
        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        List<String> expected = SeedText.after(SEED, seedCommand);
        assertThat(expected).isNotEmpty();
        assertThat(lines(result.out())).containsExactlyElementsOf(expected);
    }

    static List<String> lines(String out) {
        return Arrays.stream(out.split("\n")).map(String::stripTrailing).toList();
    }
}
