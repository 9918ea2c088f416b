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
    void labsAreNotAvailableYet() {
        for (String[] args : new String[][] {{}, {"labs"}, {"shell"}, {"shell", "--lab", "dvr"},
            {"shell", "--scenario", "x.yaml"}, {"shell", "--dumps", "dir"}, {"exec", "compute1", "--", "true"}}) {
            Run r = run("", args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("packetwalk: labs are not available yet: ");
        }
        assertThat(run("").err()).contains("--bare");
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
