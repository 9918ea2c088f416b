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
