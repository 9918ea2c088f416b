package dev.packetwalk.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Main} run in-process. The expected texts are what bash 5.2 with GNU grep and
 * coreutils prints for the same scripts on Debian 12 (checked with {@code bash < script}).
 */
class MainTest {
    /** What one run printed and returned. */
    private record Run(String out, String err, int status) {
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    @Test
    void bareShellRunsStandardInputLikeBash() {
        Run r = run("echo hi | grep h\nX=7; echo \"x=$X\" $?\nfalse || echo $?\nnosuch\n"
                + "echo -e \"a\\nb\\nc\" | tail -n 2 | wc -l\necho done\n", "shell", "--bare");
        assertThat(r.out()).isEqualTo("hi\nx=7 0\n1\n2\ndone\n");
        assertThat(r.err()).isEqualTo("bash: line 4: nosuch: command not found\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void scriptExitsWithTheLastStatusOrExit() {
        assertThat(run("echo a | grep b\n", "shell", "--bare").status()).isEqualTo(1);
        Run r = run("echo a\nexit 3\necho b\n", "shell", "--bare");
        assertThat(r.out()).isEqualTo("a\n");
        assertThat(r.status()).isEqualTo(3);
    }

    @Test
    void syntaxErrorStopsTheScriptWithBashMessages() {
        Run r = run("echo a\necho \"b\n", "shell", "--bare");
        assertThat(r.out()).isEqualTo("a\n");
        assertThat(r.err()).isEqualTo("bash: line 2: unexpected EOF while looking for matching `\"'\n");
        assertThat(r.status()).isEqualTo(2);
    }

    @Test
    void hostOptionNamesTheNode() {
        Run r = run("hostname\n", "shell", "--bare", "--host", "compute1");
        assertThat(r.out()).isEqualTo("compute1\n");
    }

    @Test
    void execRunsOneCommandLine() {
        Run r = run("", "exec", "--bare", "compute1", "--", "hostname", "|", "grep", "-c", "compute");
        assertThat(r.out()).isEqualTo("1\n");
        assertThat(r.status()).isZero();
        Run missing = run("", "exec", "--bare", "compute1", "--", "nosuch");
        assertThat(missing.err()).isEqualTo("bash: line 1: nosuch: command not found\n");
        assertThat(missing.status()).isEqualTo(127);
    }

    @Test
    void labsListsTheBuiltInLabs() {
        Run r = run("", "labs");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().map(l -> l.split(" ")[0])).containsExactly("dvr", "legacy");
    }

    @Test
    void noArgumentsOpenTheDvrLabOnItsController() {
        Run r = run("hostname\nip netns | grep -c snat-983bb01f-5605-4fce-9bdd-df29a353562f\n");
        assertThat(r.out()).isEqualTo("controller\n1\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void labNodesRunTheSeedsCommands() {
        Run r = run("", "exec", "--lab", "legacy", "compute01", "--", "brctl", "show", "|", "grep", "-c", "qbrf7eae624-34");
        assertThat(r.out()).isEqualTo("1\n");
        Run nova = run("nova interface-list c-private | grep -c f7eae624-3488-4ccb-962a-d94f9b86aeb7\n",
                "shell", "--lab", "legacy");
        assertThat(nova.out()).isEqualTo("1\n");
    }

    @Test
    void scenarioFilesOpenTheirFirstController() {
        java.nio.file.Path example = java.nio.file.Path.of(System.getProperty("packetwalk.root", "."), "scenarios",
                "example.yaml");
        Run r = run("hostname\n", "shell", "--scenario", example.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("controller\n");
    }

    @Test
    void badSourcesAreRefusedWithTheReason() {
        Run lab = run("", "shell", "--lab", "nosuch");
        assertThat(lab.status()).isEqualTo(2);
        assertThat(lab.err()).isEqualTo("packetwalk: no lab named nosuch (labs: dvr, legacy)\n");
        Run node = run("", "exec", "--lab", "dvr", "compute9", "--", "true");
        assertThat(node.status()).isEqualTo(2);
        assertThat(node.err()).isEqualTo("packetwalk: no node named compute9 in lab dvr (nodes: controller, compute1, "
                + "compute2)\n");
        Run file = run("", "shell", "--scenario", "no-such.yaml");
        assertThat(file.status()).isEqualTo(2);
        assertThat(file.err()).isEqualTo("packetwalk: no-such.yaml: no such file\n");
        Run dumps = run("", "shell", "--dumps", "dir");
        assertThat(dumps.status()).isEqualTo(2);
        assertThat(dumps.err()).startsWith("packetwalk: --dumps dir needs the importers");
    }

    @Test
    void badUsageExitsWithTwo() {
        Run unknown = run("", "shell", "--frob");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Unknown option: '--frob'");
        assertThat(run("", "shell", "--bare", "--lab", "dvr").status()).isEqualTo(2);
        assertThat(run("", "exec", "--bare").status()).isEqualTo(2);
    }
}
