package dev.packetwalk.host;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shell behaviour that needs a host's state: namespaces, nested shells, the virtual clock, watch. */
class ShellTest {
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    /** A host with one extra command that reports the namespace it runs in. */
    private static Host hostWithWhere(List<String> seen) {
        Map<String, Command> commands = new java.util.HashMap<>(Hosts.commands());
        commands.put("where", inv -> {
            seen.add(String.valueOf(inv.namespace()));
            inv.println(String.valueOf(inv.namespace()));
            return 0;
        });
        return new Host("compute1", new dev.packetwalk.net.Clock(), commands);
    }

    @Test
    void runInRunsACommandInANamespace() {
        List<String> seen = new ArrayList<>();
        Shell shell = new Shell(hostWithWhere(seen));
        assertThat(shell.runIn("qrouter-1", List.of("where"), "", out, err)).isZero();
        assertThat(shell.runIn("qrouter-1", List.of("nosuch"), "", out, err)).isEqualTo(127);
        assertThat(seen).containsExactly("qrouter-1");
        assertThat(err.toString()).isEqualTo("bash: nosuch: command not found\n");
        assertThat(shell.namespace()).isNull();
    }

    @Test
    void bashInsideANamespaceNestsUntilExit() {
        List<String> seen = new ArrayList<>();
        Shell shell = new Shell(hostWithWhere(seen));
        // what `ip netns exec qdhcp-1 bash` does: run bash in the namespace through the shell
        assertThat(shell.runIn("qdhcp-1", List.of("bash"), "", out, err)).isZero();
        assertThat(shell.nesting()).isEqualTo(1);
        int status = shell.runScript("where | cat\nexit 5\necho $?\nwhere\n", out, err);
        assertThat(seen).containsExactly("qdhcp-1", "null");
        assertThat(out.toString()).isEqualTo("qdhcp-1\n5\nnull\n");
        assertThat(shell.exited()).isFalse();
        assertThat(status).isZero();
        assertThat(shell.prompt()).isEqualTo("root@compute1:~# ");
    }

    @Test
    void bashDashCRunsInTheInvocationsNamespace() {
        List<String> seen = new ArrayList<>();
        Shell shell = new Shell(hostWithWhere(seen));
        assertThat(shell.runIn("ns1", List.of("bash", "-c", "where; false"), "", out, err)).isEqualTo(1);
        assertThat(seen).containsExactly("ns1");
        assertThat(shell.nesting()).isZero();
    }

    @Test
    void sleepAdvancesTheVirtualClock() {
        Host host = Hosts.unshared("h");
        Shell shell = new Shell(host);
        assertThat(shell.runScript("sleep 1.5; sleep .25 1m\n", out, err)).isZero();
        assertThat(host.clock().millis()).isEqualTo(61_750);
        assertThat(shell.runScript("sleep x\n", out, err)).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("sleep: invalid time interval \u2018x\u2019\n"
                + "Try 'sleep --help' for more information.\n");
    }

    @Test
    void watchInAScriptPrintsHeaderBlankLineAndOneRun() {
        Host host = Hosts.unshared("compute1");
        Shell shell = new Shell(host);
        int status = shell.runScript("sleep 2\nwatch -n.5 \"echo hi | grep h; sleep 3; false\"\n", out, err);
        String header = "Every 0.5s: echo hi | grep h; sleep 3; false";
        String right = "compute1: Thu Jun  1 09:00:02 2017";
        assertThat(out.toString()).isEqualTo(
                header + " ".repeat(80 - header.length() - right.length()) + right + "\n\nhi\n");
        assertThat(status).isEqualTo(1);
    }

    @Test
    void watchUsageErrorsAreProcps() {
        Shell shell = new Shell(Hosts.unshared("h"));
        assertThat(shell.runScript("watch -n x ls\n", out, err)).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("watch: failed to parse argument: 'x': Invalid argument\n");
        err.setLength(0);
        assertThat(shell.runScript("watch\n", out, err)).isEqualTo(1);
        assertThat(err.toString()).startsWith("\nUsage:\n watch [options] command\n");
    }

    @Test
    void watchOnAScreenRedrawsUntilAKeyAndAdvancesTheClock() {
        Host host = Hosts.unshared("h");
        Shell shell = new Shell(host);
        List<String> frames = new ArrayList<>();
        shell.attach(new Screen() {
            @Override
            public int columns() {
                return 60;
            }

            @Override
            public void show(String frame) {
                frames.add(frame);
            }

            @Override
            public boolean keyPressedWithin(long millis) {
                return frames.size() == 3;
            }

            @Override
            public void restore() {
                frames.add("restored");
            }
        });
        assertThat(shell.runScript("watch -n 2 -t hostname\n", out, err)).isZero();
        assertThat(frames).containsExactly("h\n", "h\n", "h\n", "restored");
        assertThat(host.clock().millis()).isEqualTo(4000);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void clearAndHostname() {
        Shell shell = new Shell(Hosts.unshared("compute1.example"));
        shell.runScript("clear\nhostname\nhostname -s\n", out, err);
        assertThat(out.toString()).isEqualTo("\033[H\033[2J\033[3Jcompute1.example\ncompute1\n");
    }

    @Test
    void interactiveErrorsHaveNoLineNumbersAndSyntaxErrorsDoNotEnd() {
        Shell shell = new Shell(Hosts.unshared("h"));
        shell.setInteractive(true);
        shell.runLine("nosuch", out, err);
        shell.runLine("echo a && && b", out, err);
        assertThat(shell.exited()).isFalse();
        assertThat(err.toString()).isEqualTo("bash: nosuch: command not found\n"
                + "bash: syntax error near unexpected token `&&'\n");
        shell.runLine("exit", out, err);
        assertThat(shell.exited()).isTrue();
        assertThat(shell.status()).isEqualTo(2);
    }

    @Test
    void commandNamesIncludeBuiltinsForCompletion() {
        assertThat(new Shell(Hosts.unshared("h")).commandNames()).contains("echo", "exit", "grep", "watch", "sleep");
    }
}
